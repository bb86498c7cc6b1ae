import Foundation

/// What the reports count about one ticket (R7), read from the ticket and its policy at `now`.
/// Every KPI in ``KPISet`` is a fold over these facts; `docs/REPORTS.md` defines each one.
public struct TicketFacts: Equatable, Sendable {
    public var id: Int64
    public var number: String
    public var submittedAt: Date
    public var type: TicketType
    public var channel: Channel
    public var priority: Priority
    public var categoryId: Int64?
    public var groupId: Int64?
    public var assigneeId: Int64?
    /// The highest tier the ticket reached (tiers only go up).
    public var tier: Tier
    /// Out of scope (R1.6): counted apart, left out of every rate and time.
    public var outOfScope: Bool
    /// When the resolution clock last stopped; nil while the ticket is open.
    public var resolvedAt: Date?
    /// Business (or continuous, per the policy) minutes, to the minute, from submission to the
    /// first response a person gave; nil without one.
    public var firstResponseMinutes: Int?
    /// Minutes the resolution clock ran until the resolution, pauses excluded; nil while open.
    public var resolutionMinutes: Int?
    /// Whether the response target was met; nil while it is still open and not yet missed.
    public var responseMet: Bool?
    /// Whether the resolution target (with granted extensions) was met; nil while undecided.
    public var resolutionMet: Bool?
    /// Resolved at least once and reopened since.
    public var reopened: Bool
    /// A target was missed (response, resolution or hard limit).
    public var breached: Bool
    /// 延期原因, as recorded for a breach.
    public var breachCause: String?
    public var extensions: [ExtensionRequest.Status]
    public var satisfaction: Satisfaction?

    public init(ticket: Ticket, policy: SLAPolicy, calendar: BusinessCalendar, at now: Date) {
        self.init(ticket: ReportTicket(ticket), policy: policy, calendar: calendar, at: now)
    }

    public init(ticket: ReportTicket, policy: SLAPolicy, calendar: BusinessCalendar, at now: Date) {
        id = ticket.id
        number = ticket.number
        submittedAt = ticket.submittedAt
        type = ticket.type
        channel = ticket.channel
        priority = ticket.priority
        categoryId = ticket.categoryId
        groupId = ticket.groupId
        assigneeId = ticket.assigneeId
        tier = ticket.tier
        outOfScope = ticket.outOfScope ?? false
        let track = ticket.sla
        let state = track.state(at: now, policy: policy, calendar: calendar)
        let measured = track.measuredSeconds(policy: policy, calendar: calendar)
        resolvedAt = track.resolvedAt
        firstResponseMinutes = measured.response.map(Self.minutes)
        resolutionMinutes = measured.resolution.map(Self.minutes)
        let responseDecided = track.respondedAt != nil || track.resolvedAt != nil || state.responseBreached
        responseMet = responseDecided ? !state.responseBreached : nil
        let resolutionDecided = track.resolvedAt != nil || state.resolutionBreached
        resolutionMet = resolutionDecided ? !state.resolutionBreached : nil
        reopened = !track.resolvedIntervals.isEmpty
        breached =
            state.responseBreached || state.resolutionBreached || state.hardLimitBreached
            || !(ticket.breaches ?? []).isEmpty
        breachCause = ticket.breachCause
        extensions = (ticket.extensions ?? []).map(\.status)
        // The rating only: the comment is not a fact any figure counts.
        satisfaction = ticket.satisfaction.map { Satisfaction(level: $0.level, score: $0.score) }
    }

    /// Facts as read back (``SettledFacts``).
    public init(
        id: Int64, number: String, submittedAt: Date, type: TicketType, channel: Channel, priority: Priority,
        categoryId: Int64?, groupId: Int64?, assigneeId: Int64?, tier: Tier, outOfScope: Bool, resolvedAt: Date?,
        firstResponseMinutes: Int?, resolutionMinutes: Int?, responseMet: Bool?, resolutionMet: Bool?,
        reopened: Bool, breached: Bool, breachCause: String?, extensions: [ExtensionRequest.Status],
        satisfaction: Satisfaction?
    ) {
        self.id = id
        self.number = number
        self.submittedAt = submittedAt
        self.type = type
        self.channel = channel
        self.priority = priority
        self.categoryId = categoryId
        self.groupId = groupId
        self.assigneeId = assigneeId
        self.tier = tier
        self.outOfScope = outOfScope
        self.resolvedAt = resolvedAt
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
        self.responseMet = responseMet
        self.resolutionMet = resolutionMet
        self.reopened = reopened
        self.breached = breached
        self.breachCause = breachCause
        self.extensions = extensions
        self.satisfaction = satisfaction
    }

    /// Whole minutes, rounded down: a report says "to the minute" and never rounds a miss away.
    static func minutes(_ seconds: TimeInterval) -> Int { Int((max(0, seconds) / 60).rounded(.down)) }

    /// Open at `instant`: submitted before it and not resolved by then.
    public func isOpen(at instant: Date) -> Bool {
        submittedAt < instant && (resolvedAt.map { $0 >= instant } ?? true)
    }
}
