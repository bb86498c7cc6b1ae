/// `extensions.mustache`: the supervisor's list of pending extension requests (R3.5), each with
/// its decision form.
struct ExtensionsPage: PageModel {
    static let template = "extensions"

    struct Row: Sendable {
        let number: String
        let ticketTitle: String
        let priority: String
        let id: Int
        let by: String
        let at: String
        let originalDueAt: String
        let dueAt: String
        let reason: String
    }

    let rows: [Row]
}
