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
    /// Categories whose tickets are verified internally before the requester is told (R5.1).
    /// A ticket filed under a sub-category carries its parent as its category, so a top-level
    /// category's requirement covers its sub-categories.
    public var verificationCategoryIds: Set<Int64>

    public init(
        policy: SLAPolicy, calendar: BusinessCalendar, reopenWindow: TimeInterval = 7 * 86_400,
        engine: SLAEngineSettings = .default, verificationCategoryIds: Set<Int64> = []
    ) {
        self.policy = policy
        self.calendar = calendar
        self.reopenWindow = reopenWindow
        self.engine = engine
        self.verificationCategoryIds = verificationCategoryIds
    }

    /// The categories of `tree` that require verification (R5.1).
    public static func verificationCategoryIds(in tree: [TicketCategory]) -> Set<Int64> {
        Set(tree.filter(\.requiresVerification).map(\.id))
    }
}
