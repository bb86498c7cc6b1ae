/// `admin-audit.mustache`: the audit log with the API's filters (R9.5) and a link to older entries.
struct AdminAuditPage: PageModel {
    static let template = "admin-audit"

    struct Row: Sendable {
        let at: String
        let actor: String
        let action: String
        let isRead: Bool
        let subject: String
        let ticketNumber: String?
        let target: String
        let detail: String
    }

    let people: [SelectOption]
    let actors: [SelectOption]
    let since: String
    let until: String
    let rows: [Row]
    let olderLink: String?
    let verified: String
    let chainBroken: Bool
}
