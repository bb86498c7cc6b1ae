/// "Needs info" on the ticket page (R1.3): the details asked of the requester, the form that
/// asks (staff) and the form that answers (the requester).
struct InfoRequestSection: Sendable {
    struct Field: Sendable {
        let key: String
        let label: String
        let checked: Bool
        let value: String
    }

    let pending: Bool
    let askedBy: String
    let askedAt: String
    let askedLabels: String
    let note: String
    let canRequest: Bool
    let choices: [Field]
    let canProvide: Bool
    let answers: [Field]
}
