/// One entry of a ticket's history: when, who, what happened (and the new status), with the
/// reason and text it carried.
struct EventRow: Sendable {
    let at: String
    let actor: String
    let `internal`: Bool
    let what: String
    let to: String?
    let reason: String?
    let body: String?
}
