import Foundation
import HelpdeskCore
import HelpdeskStore

/// A ticket as stored (unmasked: presenters mask per viewer) with the rules it runs under.
public struct TicketView: Sendable {
    public var ticket: Ticket
    public var rules: TicketRules

    public init(ticket: Ticket, rules: TicketRules) {
        self.ticket = ticket
        self.rules = rules
    }

    init(_ stored: StoredChange) { self.init(ticket: stored.ticket, rules: stored.rules) }
}
