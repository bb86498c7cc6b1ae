import Foundation

/// The SLA clock read at one instant: due dates, remaining time and breach flags.
///
/// Remaining minutes are in the target's clock (business or wall), rounded down, so a
/// negative value means overdue.
public struct SLAState: Hashable, Codable, Sendable {
    public var priority: Priority
    public var responseDueAt: Date
    public var respondedAt: Date?
    /// Frozen once responded.
    public var responseRemainingMinutes: Int
    /// Responded after the due time, or not responded and now is past it.
    public var responseBreached: Bool
    /// While paused: projected as if the clock resumed now. Once resolved: where the clock
    /// would have run out had it kept running from the resolution.
    public var resolutionDueAt: Date?
    public var resolvedAt: Date?
    /// Frozen while paused or resolved.
    public var resolutionRemainingMinutes: Int
    public var resolutionBreached: Bool
    /// Nil when the priority has no hard limit.
    public var hardLimitDueAt: Date?
    public var hardLimitBreached: Bool
    public var paused: Bool
    public var pausedSince: Date?
    /// Total paused wall-clock minutes so far, including the current pause.
    public var pausedMinutes: Int

    public init(
        priority: Priority, responseDueAt: Date, respondedAt: Date?, responseRemainingMinutes: Int,
        responseBreached: Bool, resolutionDueAt: Date?, resolvedAt: Date?, resolutionRemainingMinutes: Int,
        resolutionBreached: Bool, hardLimitDueAt: Date?, hardLimitBreached: Bool, paused: Bool,
        pausedSince: Date?, pausedMinutes: Int
    ) {
        self.priority = priority
        self.responseDueAt = responseDueAt
        self.respondedAt = respondedAt
        self.responseRemainingMinutes = responseRemainingMinutes
        self.responseBreached = responseBreached
        self.resolutionDueAt = resolutionDueAt
        self.resolvedAt = resolvedAt
        self.resolutionRemainingMinutes = resolutionRemainingMinutes
        self.resolutionBreached = resolutionBreached
        self.hardLimitDueAt = hardLimitDueAt
        self.hardLimitBreached = hardLimitBreached
        self.paused = paused
        self.pausedSince = pausedSince
        self.pausedMinutes = pausedMinutes
    }
}
