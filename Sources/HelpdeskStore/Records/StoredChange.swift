import HelpdeskCore

/// A ticket change as written, with the rules it was made under, so the caller presents it
/// (SLA state, next actions) without loading them again.
public struct StoredChange: Sendable {
    public var change: TicketChange
    public var rules: TicketRules

    public init(change: TicketChange, rules: TicketRules) {
        self.change = change
        self.rules = rules
    }

    public var ticket: Ticket { change.ticket }
    public var events: [TicketEvent] { change.events }
    public var notices: [Notice] { change.notices }
}
