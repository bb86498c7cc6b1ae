import Foundation

/// The policy a ticket operation needs: the SLA policy the ticket was opened under, the
/// business calendar, and workflow settings.
public struct TicketRules: Sendable {
    public var policy: SLAPolicy
    public var calendar: BusinessCalendar
    /// How long after closing a ticket may still be reopened (R4.9).
    public var reopenWindow: TimeInterval
    /// The timed rules: warnings, escalation, cadence, follow-up (R3.4–R3.6, R4.2–R4.3, R5.4).
    public var engine: SLAEngineSettings

    public init(
        policy: SLAPolicy, calendar: BusinessCalendar, reopenWindow: TimeInterval = 7 * 86_400,
        engine: SLAEngineSettings = .default
    ) {
        self.policy = policy
        self.calendar = calendar
        self.reopenWindow = reopenWindow
        self.engine = engine
    }
}
