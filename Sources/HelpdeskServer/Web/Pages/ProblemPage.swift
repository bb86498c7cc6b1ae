/// `problem.mustache`: one problem record: a proposal with its evidence and the confirm and
/// reject forms, or an open problem with its tickets, its texts and status form, and the
/// button resolving its tickets.
struct ProblemPage: PageModel {
    static let template = "problem"

    struct Ticket: Sendable {
        let number: String
        let title: String
        let status: String
        let statusKey: String
    }

    struct Evidence: Sendable {
        let terms: [String]
        let minimum: String
        let mean: String
        let from: String
        let until: String
    }

    let id: Int64
    let problemTitle: String
    let status: String
    let statusKey: String
    let version: Int
    let owner: String?
    let system: String?
    let evidence: Evidence?
    let rejectionReason: String?
    let tickets: [Ticket]
    let rootCause: String
    let workaround: String
    let permanentFix: String
    let preventiveActions: String
    let ticketNumbers: String
    let statuses: [SelectOption]
    let proposed: Bool
    /// The texts and status can be edited (not a proposal nor a rejected one).
    let editable: Bool
    let manages: Bool
    /// Resolved or closed with a fix: its open tickets can be resolved with it.
    let canResolveTickets: Bool
    let notice: String?
    let error: String?
}
