import Foundation

/// What the desk tells a requester the moment a ticket is taken in (R1.5), whatever the
/// channel: the number, when a first response and a resolution are due, and, outside the
/// channel's service hours, when someone will look at it (R8.3).
public struct Acknowledgement: Equatable, Sendable {
    public var number: String
    public var responseDueAt: Date
    public var resolutionDueAt: Date?
    /// Set when the ticket came in outside service hours on a channel that is not staffed 24×7:
    /// the start of the next working period.
    public var lookedAtFrom: Date?
    /// Type-specific details still missing (R1.3); staff will ask for them.
    public var missingDetails: [String]
    /// The title is longer than the house style (R1.2).
    public var titleLong: Bool
    /// Credentials or identity numbers were hidden from the request (R9.4): the requester is
    /// told not to send them this way.
    public var sensitiveDataRedacted: Bool

    public var outsideServiceHours: Bool { lookedAtFrom != nil }

    /// The hours a channel is served in (R8.3), when it has its own: around the clock, or a
    /// calendar of its own (a hotline's longer hours); otherwise the policy's calendar and the
    /// desk's 24×7 channel kinds decide.
    public enum ServiceHours: Equatable, Sendable {
        case alwaysOpen
        case calendar(BusinessCalendar)
    }

    public init(for ticket: Ticket, rules: TicketRules, now: Date, serviceHours: ServiceHours? = nil) {
        let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        self.init(for: ticket, state: state, rules: rules, serviceHours: serviceHours)
    }

    /// The same, from an SLA state already computed for the ticket.
    public init(for ticket: Ticket, state: SLAState, rules: TicketRules, serviceHours: ServiceHours? = nil) {
        number = ticket.number
        responseDueAt = state.responseDueAt
        resolutionDueAt = state.resolutionDueAt
        missingDetails = ticket.missingDetails
        titleLong = TitleStyle.isLong(ticket.title)
        sensitiveDataRedacted = ticket.redactedAtIntake != nil
        // A target on the 24×7 clock is worked around the clock, and so is a 24×7 channel.
        let business = rules.policy.targets(for: ticket.priority)?.response.mode != .continuous
        var staffed = rules.engine.alwaysOpenChannels.contains(ticket.channel)
        var calendar = rules.calendar
        switch serviceHours {
        case .alwaysOpen: staffed = true
        case .calendar(let own): calendar = own
        case nil: break
        }
        lookedAtFrom =
            business && !staffed && !calendar.isWorkingTime(ticket.submittedAt)
            ? calendar.nextWorkingInstant(onOrAfter: ticket.submittedAt) : nil
    }
}
