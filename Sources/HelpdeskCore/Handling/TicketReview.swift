import Foundation

/// What the supervisor reviews before the final close (R5.5): the solution and its check, the
/// response and resolution times against their targets in the ticket's SLA clock (business time
/// or 24×7, as the policy says), the pauses, the breaches with their cause, the requester's
/// feedback, and when the review falls due. Read from the SLA track and the history, as the
/// timeline is (`SLAExplanation`), so the figures match the ticket page.
public struct TicketReview: Codable, Sendable {
    /// One target against the time it took.
    public struct Figure: Codable, Equatable, Sendable {
        public var mode: SLAClockMode
        /// The target in minutes of its clock (with approved extensions for the resolution).
        public var targetMinutes: Int
        /// Minutes of the same clock used up to the response or the resolution (pauses excluded
        /// for the resolution).
        public var usedMinutes: Int
        public var dueAt: Date?
        /// When it was met: the first response, or the resolution (nil if never).
        public var at: Date?
        public var met: Bool
    }

    /// Statuses with a record to review: resolved and after.
    public static let statuses: Set<TicketStatus> = [.resolved, .confirmed, .reviewed, .closed, .archived]

    public var number: String
    public var status: TicketStatus
    public var priority: Priority
    public var solution: String?
    public var rootCause: String?
    public var workaround: String?
    public var verification: Verification?
    public var response: Figure
    public var resolution: Figure
    public var hardLimit: Figure?
    public var pauses: [SLAExplanation.Period]
    public var pausedMinutes: Int
    public var breaches: [SLABreach]
    /// 延期原因 given for the breaches.
    public var breachCause: String?
    public var satisfaction: Satisfaction?
    /// The requester's "solved" (R5.2); nil when they have not confirmed (or it closed by itself).
    public var confirmedAt: Date?
    public var autoClosed: Bool
    /// Review and close are due by then (R5.5, `SLAEngineSettings.reviewMinutes` after resolution).
    public var reviewDueAt: Date?
    public var reviewedAt: Date?
    public var reviewedBy: String?
    public var closedAt: Date?

    /// Who may read the review: the supervisors and admins who do it (R5.5).
    public static func mayRead(_ actor: Principal) -> Bool {
        actor.role == .supervisor || actor.role == .admin
    }

    /// Throws `notResolved` for a ticket that has no solution to review yet.
    public init(ticket: Ticket, events: [TicketEvent], rules: TicketRules, now: Date) throws(WorkflowError) {
        guard Self.statuses.contains(ticket.status) else { throw .notResolved }
        let explanation = SLAExplanation(ticket: ticket, events: events, rules: rules, now: now)
        let state = explanation.state
        let targets = explanation.targets ?? SLAPolicy.default.targets(for: ticket.priority)!
        func clock(_ mode: SLAClockMode) -> BusinessCalendar { mode == .continuous ? .continuous : rules.calendar }
        func minutes(_ target: SLATarget) -> Int { Int(target.seconds(calendar: clock(target.mode)) / 60) }

        let respondedAt = ticket.sla.respondedAt
        let responseEnd = respondedAt ?? state.resolvedAt ?? now
        response = Figure(
            mode: targets.response.mode, targetMinutes: minutes(targets.response),
            usedMinutes: Int(
                clock(targets.response.mode).businessSeconds(from: ticket.sla.openedAt, to: responseEnd) / 60),
            dueAt: state.responseDueAt, at: respondedAt, met: !state.responseBreached)
        resolution = Figure(
            mode: targets.resolution.mode, targetMinutes: minutes(targets.resolution) + explanation.extensionMinutes,
            usedMinutes: explanation.countedMinutes, dueAt: state.resolutionDueAt, at: state.resolvedAt,
            met: !state.resolutionBreached)
        hardLimit = targets.hardLimit.map {
            Figure(
                mode: $0.mode, targetMinutes: minutes($0), usedMinutes: explanation.countedMinutes,
                dueAt: state.hardLimitDueAt, at: state.resolvedAt, met: !state.hardLimitBreached)
        }
        number = ticket.number
        status = ticket.status
        priority = ticket.priority
        solution = ticket.solution
        rootCause = ticket.rootCause
        workaround = ticket.workaround
        verification = ticket.verification
        pauses = explanation.pauses
        pausedMinutes = state.pausedMinutes
        breaches = explanation.breaches
        breachCause = ticket.breachCause
        satisfaction = ticket.satisfaction
        func last(_ action: WorkflowAction) -> TicketEvent? {
            events.last { $0.kind == .transition && $0.action == action }
        }
        confirmedAt = last(.confirm)?.at
        autoClosed = ticket.autoClosed == true
        reviewDueAt = state.resolvedAt.map {
            rules.calendar.adding(businessSeconds: TimeInterval(rules.engine.reviewMinutes * 60), to: $0)
        }
        let review = last(.review)
        reviewedAt = review?.at
        reviewedBy = review?.actorName
        closedAt = ticket.closedAt
    }
}
