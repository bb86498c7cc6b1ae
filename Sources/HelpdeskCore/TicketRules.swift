import Foundation

/// The policy a ticket operation needs: the SLA policy the ticket was opened under, the
/// business calendar, and workflow settings.
public struct TicketRules: Sendable {
    public var policy: SLAPolicy
    public var calendar: BusinessCalendar
    /// How long after closing a ticket may still be reopened (R4.9).
    public var reopenWindow: TimeInterval

    public init(policy: SLAPolicy, calendar: BusinessCalendar, reopenWindow: TimeInterval = 7 * 86_400) {
        self.policy = policy
        self.calendar = calendar
        self.reopenWindow = reopenWindow
    }
}

/// A ticket after an operation, with the events the operation wrote.
public struct TicketChange: Sendable {
    public var ticket: Ticket
    public var events: [TicketEvent]

    public init(ticket: Ticket, events: [TicketEvent]) {
        self.ticket = ticket
        self.events = events
    }
}
