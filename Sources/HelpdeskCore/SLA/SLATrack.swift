import Foundation

/// The SLA clock of one ticket, folded from its `SLAInput`s (R3.1–R3.3).
///
/// Only facts taken from the inputs are stored (instants and the current status); elapsed and
/// paused business time are derived in `state(at:policy:calendar:)`, so there are no counters
/// that can drift, and a calendar change applies to the whole history consistently.
///
/// - The response clock runs from `openedAt` and never pauses; the first `.firstResponse` meets it,
///   and leaving the open states without one stops it there.
/// - The resolution clock runs from `openedAt` while the status is open and not in
///   `policy.pauseStatuses`; `verifying` (R5.1) is open, so the clock runs through an internal
///   check (see `Verifications`). Entering any non-open status (resolved, confirmed, reviewed, closed)
///   stops it and sets `resolvedAt`; later non-open statuses keep the original `resolvedAt`.
///   Returning to an open status (reopen) clears `resolvedAt` and resumes with the consumed time
///   kept; the time spent resolved is neither counted nor reported as paused.
/// - The hard limit is a second threshold on the resolution clock (same pauses).
/// - A priority change keeps the consumed time; deadlines are recomputed from `openedAt` with the
///   new priority's targets.
/// - Inputs are expected in time order; an input dated before the last status change (or before
///   the opening) is treated as happening at that moment, so intervals never run backwards.
public struct SLATrack: Hashable, Codable, Sendable {
    public private(set) var openedAt: Date
    public private(set) var priority: Priority
    public private(set) var status: TicketStatus
    /// The first response; later ones are ignored.
    public private(set) var respondedAt: Date?
    /// Set while the ticket is in a non-open status.
    public private(set) var resolvedAt: Date?
    /// Start of the current pause, if any.
    public private(set) var pausedSince: Date?
    /// Finished pauses, oldest first.
    public private(set) var pauses: [DateInterval]
    /// Finished stretches spent resolved before a reopen, oldest first.
    public private(set) var resolvedIntervals: [DateInterval]
    /// Approved extensions (R3.5), in the resolution target's clock; the hard limit is not extended.
    public private(set) var extensionSeconds: TimeInterval = 0

    public static func opened(at date: Date, priority: Priority) -> SLATrack {
        SLATrack(
            openedAt: date, priority: priority, status: .new, respondedAt: nil, resolvedAt: nil,
            pausedSince: nil, pauses: [], resolvedIntervals: [])
    }

    /// Folds the inputs in order. Nil when the first input is not `.opened`; later `.opened`
    /// inputs are ignored.
    public static func replay(_ inputs: [SLAInput], policy: SLAPolicy, calendar: BusinessCalendar) -> SLATrack? {
        guard case .opened(let at, let priority)? = inputs.first else { return nil }
        return inputs.dropFirst().reduce(opened(at: at, priority: priority)) {
            $0.applying($1, policy: policy, calendar: calendar)
        }
    }

    /// The track after one more input. `calendar` is accepted for symmetry with `state`; the
    /// track stores wall-clock instants only, so it is not needed to fold.
    public func applying(_ input: SLAInput, policy: SLAPolicy, calendar: BusinessCalendar) -> SLATrack {
        var next = self
        switch input {
        case .opened:
            break
        case .firstResponse(let at):
            if respondedAt == nil { next.respondedAt = max(at, openedAt) }
        case .priorityChanged(_, let priority):
            next.priority = priority
        case .extended(_, let seconds):
            next.extensionSeconds += max(0, seconds)
        case .status(let at, let status):
            next.transition(to: status, at: max(at, lastChange), pauseStatuses: policy.pauseStatuses)
        }
        return next
    }

    /// The clock read at `now`.
    public func state(at now: Date, policy: SLAPolicy, calendar: BusinessCalendar) -> SLAState {
        let targets = policy.targets(for: priority) ?? SLAPolicy.default.targets(for: priority)!

        let response = Clock(targets.response.mode, calendar)
        let responseTarget = targets.response.seconds(calendar: response.calendar)
        let responseDue = response.adding(responseTarget, to: openedAt)
        // Leaving the open states without a reply (resolved, closed as out of scope) ends the
        // response clock too: a closed ticket's figures must not change as time passes.
        let responseEnd = respondedAt ?? resolvedAt ?? now
        let responseUsed = response.seconds(from: openedAt, to: responseEnd)

        let resolution = progress(targets.resolution, extra: extensionSeconds, calendar: calendar, now: now)
        let hardLimit = targets.hardLimit.map { progress($0, calendar: calendar, now: now) }
        let resolutionEnd = resolvedAt ?? now

        let currentPause = pausedSince.map { max(0, now.timeIntervalSince($0)) } ?? 0
        let pausedSeconds = pauses.reduce(currentPause) { $0 + $1.duration }

        return SLAState(
            priority: priority,
            responseDueAt: responseDue,
            respondedAt: respondedAt,
            responseRemainingMinutes: Self.minutes(responseTarget - responseUsed),
            responseBreached: responseEnd > responseDue,
            resolutionDueAt: resolution.due,
            resolvedAt: resolvedAt,
            resolutionRemainingMinutes: Self.minutes(resolution.remaining),
            resolutionBreached: resolutionEnd > resolution.due,
            hardLimitDueAt: hardLimit?.due,
            hardLimitBreached: hardLimit.map { resolutionEnd > $0.due } ?? false,
            paused: pausedSince != nil,
            pausedSince: pausedSince,
            pausedMinutes: Self.minutes(pausedSeconds))
    }

    // MARK: - Folding

    private enum Phase { case running, paused, resolved }

    private var phase: Phase {
        if resolvedAt != nil { return .resolved }
        return pausedSince != nil ? .paused : .running
    }

    /// The latest instant at which the clock changed; later status inputs are clamped to it.
    private var lastChange: Date {
        [openedAt, pauses.last?.end, resolvedIntervals.last?.end, pausedSince, resolvedAt]
            .compactMap { $0 }.max() ?? openedAt
    }

    private mutating func transition(to newStatus: TicketStatus, at: Date, pauseStatuses: Set<TicketStatus>) {
        let newPhase: Phase =
            !newStatus.isOpen ? .resolved : pauseStatuses.contains(newStatus) ? .paused : .running
        switch (phase, newPhase) {
        case (.running, .paused):
            pausedSince = at
        case (.running, .resolved):
            resolvedAt = at
        case (.paused, .running), (.paused, .resolved):
            if let since = pausedSince { pauses.append(DateInterval(start: since, end: at)) }
            pausedSince = nil
            if newPhase == .resolved { resolvedAt = at }
        case (.resolved, .running), (.resolved, .paused):
            if let since = resolvedAt { resolvedIntervals.append(DateInterval(start: since, end: at)) }
            resolvedAt = nil
            if newPhase == .paused { pausedSince = at }
        case (.running, .running), (.paused, .paused), (.resolved, .resolved):
            break
        }
        status = newStatus
    }

    // MARK: - Reading the resolution clock

    /// The instant at which `fraction` of the response target is used up (warnings, R3.4).
    public func responseInstant(fraction: Double, policy: SLAPolicy, calendar: BusinessCalendar) -> Date {
        let target = (policy.targets(for: priority) ?? SLAPolicy.default.targets(for: priority)!).response
        let clock = Clock(target.mode, calendar)
        return clock.adding(target.seconds(calendar: clock.calendar) * fraction, to: openedAt)
    }

    /// The instant at which `fraction` of the resolution target (with extensions) is used up if
    /// the clock keeps running; nil while it is paused or stopped, when the instant is unknown.
    public func resolutionInstant(fraction: Double, policy: SLAPolicy, calendar: BusinessCalendar) -> Date? {
        guard resolvedAt == nil, pausedSince == nil else { return nil }
        let target = (policy.targets(for: priority) ?? SLAPolicy.default.targets(for: priority)!).resolution
        // While running, where the target runs out does not depend on the moment it is read.
        return progress(target, extra: extensionSeconds, fraction: fraction, calendar: calendar, now: openedAt).due
    }

    /// Where the hard limit runs out if the clock keeps running; nil without one, or while paused or stopped.
    public func hardLimitInstant(policy: SLAPolicy, calendar: BusinessCalendar) -> Date? {
        guard resolvedAt == nil, pausedSince == nil,
            let target = (policy.targets(for: priority) ?? SLAPolicy.default.targets(for: priority)!).hardLimit
        else { return nil }
        return progress(target, calendar: calendar, now: openedAt).due
    }

    /// What the clocks measured, in seconds of their own kind (business or continuous, per the
    /// policy's targets): the response clock from opening to the first response, and the
    /// resolution clock, pauses and reopened stretches excluded, up to the resolution. Nil for a
    /// clock that has not stopped yet (reports measure only finished clocks, R7.2).
    public func measuredSeconds(policy: SLAPolicy, calendar: BusinessCalendar) -> (
        response: TimeInterval?, resolution: TimeInterval?
    ) {
        let targets = policy.targets(for: priority) ?? SLAPolicy.default.targets(for: priority)!
        let response = respondedAt.map { Clock(targets.response.mode, calendar).seconds(from: openedAt, to: $0) }
        let resolution = resolvedAt.map { end in
            let clock = Clock(targets.resolution.mode, calendar)
            let (closed, tailStart) = runningSegments()
            return closed.reduce(clock.seconds(from: tailStart, to: end)) {
                $0 + clock.seconds(from: $1.start, to: $1.end)
            }
        }
        return (response, resolution)
    }

    /// The instant at which the resolution clock, with its pauses, has run for `target` (e.g. the
    /// L1 30-minute rule, R4.2). Nil while stopped, and while paused unless the clock had already
    /// run that long before the pause (a moment that has passed).
    public func runningInstant(of target: SLATarget, calendar: BusinessCalendar) -> Date? {
        guard resolvedAt == nil else { return nil }
        let due = progress(target, calendar: calendar, now: openedAt).due
        if let pausedSince, due > pausedSince { return nil }
        return due
    }

    /// The stretches in which the resolution clock ran up to `now`, for the explainable timeline.
    public func runningStretches(until now: Date) -> [DateInterval] {
        let (closed, tailStart) = runningSegments()
        let stopped = resolvedAt != nil || pausedSince != nil
        return closed + (stopped || now <= tailStart ? [] : [DateInterval(start: tailStart, end: now)])
    }

    /// Remaining seconds at `now` and the instant `fraction` of the target runs out.
    private func progress(
        _ target: SLATarget, extra: TimeInterval = 0, fraction: Double = 1, calendar: BusinessCalendar, now: Date
    ) -> (remaining: TimeInterval, due: Date) {
        let clock = Clock(target.mode, calendar)
        let total = (target.seconds(calendar: clock.calendar) + extra) * fraction
        let (segments, tailStart) = runningSegments()

        var used: TimeInterval = 0
        for segment in segments where segment.start < now {
            used += clock.seconds(from: segment.start, to: min(segment.end, now))
        }
        let stop = resolvedAt ?? pausedSince
        if stop == nil, now > tailStart { used += clock.seconds(from: tailStart, to: now) }

        var need = total
        for segment in segments {
            let length = clock.seconds(from: segment.start, to: segment.end)
            if need > 0, length >= need { return (total - used, clock.adding(need, to: segment.start)) }
            need -= length
        }
        let restart: Date =
            if let resolvedAt { resolvedAt } else if let pausedSince { max(now, pausedSince) } else { tailStart }
        return (total - used, clock.adding(max(0, need), to: restart))
    }

    /// Closed stretches in which the resolution clock ran, and the start of the last one, which
    /// is still running unless the ticket is paused or resolved (then it ends at that stop).
    private func runningSegments() -> (closed: [DateInterval], tailStart: Date) {
        var closed: [DateInterval] = []
        var cursor = openedAt
        for stop in (pauses + resolvedIntervals).sorted(by: { $0.start < $1.start }) {
            if stop.start > cursor { closed.append(DateInterval(start: cursor, end: stop.start)) }
            cursor = max(cursor, stop.end)
        }
        if let stop = resolvedAt ?? pausedSince, stop > cursor {
            closed.append(DateInterval(start: cursor, end: stop))
            cursor = stop
        }
        return (closed, cursor)
    }

    private static func minutes(_ seconds: TimeInterval) -> Int {
        Int((seconds / 60).rounded(.down))
    }

    /// Business time in the given calendar, or wall time for continuous targets.
    private struct Clock {
        let calendar: BusinessCalendar
        let wall: Bool

        init(_ mode: SLAClockMode, _ business: BusinessCalendar) {
            wall = mode == .continuous
            calendar = wall ? .continuous : business
        }

        func seconds(from start: Date, to end: Date) -> TimeInterval {
            wall ? max(0, end.timeIntervalSince(start)) : calendar.businessSeconds(from: start, to: end)
        }

        func adding(_ seconds: TimeInterval, to start: Date) -> Date {
            wall ? start.addingTimeInterval(max(0, seconds)) : calendar.adding(businessSeconds: seconds, to: start)
        }
    }
}

extension SLATrack {
    // MARK: - Storage form
    // Stored with every ticket and decoded for every queue row, so it is kept flat: instants as
    // seconds since 1970 and intervals as [start, end] pairs.

    private enum CodingKeys: String, CodingKey {
        case openedAt, priority, status, respondedAt, resolvedAt, pausedSince, pauses, resolvedIntervals,
            extensionSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func instant(_ key: CodingKeys) throws -> Date? {
            try c.decodeIfPresent(Double.self, forKey: key).map(Date.init(timeIntervalSince1970:))
        }
        func intervals(_ key: CodingKeys) throws -> [DateInterval] {
            try (c.decodeIfPresent([[Double]].self, forKey: key) ?? []).map { pair in
                guard pair.count == 2, pair[1] >= pair[0] else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: c, debugDescription: "interval must be [start, end]")
                }
                return DateInterval(
                    start: Date(timeIntervalSince1970: pair[0]), end: Date(timeIntervalSince1970: pair[1]))
            }
        }
        guard let openedAt = try instant(.openedAt) else {
            throw DecodingError.keyNotFound(
                CodingKeys.openedAt, .init(codingPath: c.codingPath, debugDescription: "openedAt"))
        }
        self.init(
            openedAt: openedAt, priority: try c.decode(Priority.self, forKey: .priority),
            status: try c.decode(TicketStatus.self, forKey: .status), respondedAt: try instant(.respondedAt),
            resolvedAt: try instant(.resolvedAt), pausedSince: try instant(.pausedSince),
            pauses: try intervals(.pauses),
            resolvedIntervals: try intervals(.resolvedIntervals))
        extensionSeconds = try c.decodeIfPresent(Double.self, forKey: .extensionSeconds) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(openedAt.timeIntervalSince1970, forKey: .openedAt)
        try c.encode(priority, forKey: .priority)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(respondedAt?.timeIntervalSince1970, forKey: .respondedAt)
        try c.encodeIfPresent(resolvedAt?.timeIntervalSince1970, forKey: .resolvedAt)
        try c.encodeIfPresent(pausedSince?.timeIntervalSince1970, forKey: .pausedSince)
        try c.encode(pauses.map { [$0.start.timeIntervalSince1970, $0.end.timeIntervalSince1970] }, forKey: .pauses)
        try c.encode(
            resolvedIntervals.map { [$0.start.timeIntervalSince1970, $0.end.timeIntervalSince1970] },
            forKey: .resolvedIntervals)
        if extensionSeconds > 0 { try c.encode(extensionSeconds, forKey: .extensionSeconds) }
    }
}
