/// `/tickets/{number}/review`: what the supervisor checks before the final close (R5.5), with
/// the review and close actions. Built from Core's `TicketReview`.
struct ReviewPage: PageModel {
    static let template = "review"

    /// One target against the time it took: "Response · 4 h (business hours) · 25 min · met".
    struct Figure: Sendable {
        let name: String
        let target: String
        let used: String
        let due: String
        let at: String
        let met: Bool
        let result: String
    }

    struct Line: Sendable {
        let text: String
    }

    /// The review or close form, when this user may take that action now.
    struct Action: Sendable {
        let action: String
        let label: String
        let reasonRequired: Bool
    }

    let number: String
    let version: Int
    let ticketTitle: String
    let status: String
    let statusKey: String
    let priority: String
    let solution: String
    let rootCause: String?
    let workaround: String?
    let verification: String?
    let figures: [Figure]
    let pauses: [Line]
    let pausedTotal: String?
    let breaches: [Line]
    let breachCause: String?
    let satisfaction: String?
    let satisfactionComment: String?
    let confirmation: String
    let reviewDue: String
    /// Review and close not done by the due time (R5.5).
    let reviewOverdue: Bool
    let reviewed: String?
    let closed: String?
    let actions: [Action]
    let hasActions: Bool
}
