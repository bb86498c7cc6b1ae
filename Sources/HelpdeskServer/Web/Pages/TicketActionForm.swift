/// The small form of one workflow action on the ticket page, with the fields that action needs.
struct TicketActionForm: Sendable {
    /// The reason field, when the action takes one.
    struct Reason: Sendable {
        let required: Bool
    }

    /// Whom to assign or escalate to.
    struct Handler: Sendable {
        let staff: [SelectOption]
        let groups: [SelectOption]
    }

    /// The satisfaction level and score of a rating.
    struct Rating: Sendable {
        struct Score: Sendable {
            let value: Int
            let checked: Bool
        }

        let levels: [SelectOption]
        let scores: [Score]
    }

    let action: String
    let label: String
    let reason: Reason?
    let assign: Handler?
    let escalate: Handler?
    let resolve: Bool
    let rate: Rating?
    /// Closing before work starts may mark the request as not a support matter (R1.6).
    let outOfScope: Bool
    let primary: Bool
}
