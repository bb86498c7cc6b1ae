/// `admin-reply-templates.mustache`: the library of reply templates (R8.1) and the form to add
/// or edit one, with the placeholders it may use.
struct AdminReplyTemplatesPage: PageModel {
    static let template = "admin-reply-templates"

    struct Row: Sendable {
        let id: Int64
        let name: String
        let nameEn: String
        let body: String
        let bodyEn: String
        let active: Bool
        let sortOrder: Int
    }

    struct Placeholder: Sendable {
        /// As written in a body: `{number}`.
        let token: String
        let meaning: String
    }

    struct Form: Sendable {
        let action: String
        /// The template edited; nil for a new one.
        let editedId: Int64?
        let name: String
        let nameEn: String
        let body: String
        let bodyEn: String
        let active: Bool
        let sortOrder: Int
        let nameMax: Int
        let bodyMax: Int
    }

    let templates: [Row]
    let placeholders: [Placeholder]
    let form: Form
    let error: String?
}
