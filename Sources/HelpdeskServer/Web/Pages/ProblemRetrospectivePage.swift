/// `problem-retrospective.mustache`: a recurring problem's printable retrospective (R7.4): its
/// course in figures, the conclusions, its knowledge articles and its tickets oldest first.
struct ProblemRetrospectivePage: PageModel {
    static let template = "problem-retrospective"

    struct Line: Sendable {
        let text: String
    }

    struct Ticket: Sendable {
        let number: String
        let ticketTitle: String
        let submitted: String
        let status: String
    }

    struct Article: Sendable {
        let id: Int64
        let articleTitle: String
    }

    let id: Int64
    let problemTitle: String
    let status: String
    let statusKey: String
    let system: String?
    let printedAt: String
    let summary: [Line]
    let rootCause: String?
    let workaround: String?
    let permanentFix: String?
    let preventiveActions: String?
    let articles: [Article]
    let hasArticles: Bool
    let tickets: [Ticket]
    let hasTickets: Bool
}
