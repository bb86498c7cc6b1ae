import Foundation

/// Why a ticket's deadlines are what they are: the targets, every stretch of working time the
/// resolution clock counted, pauses, extensions, the timed events fired and those still to come.
public struct SLAExplanation: Codable, Sendable {
    public struct Period: Codable, Equatable, Sendable {
        public var start: Date
        /// Nil while still running (a current pause).
        public var end: Date?
        public var minutes: Int
    }

    public struct FiredTimer: Codable, Equatable, Sendable {
        public var timer: String
        public var cadence: String?
        public var dueAt: Date?
        public var firedAt: Date
    }

    public struct UpcomingTimer: Codable, Equatable, Sendable {
        public var timer: String
        public var cadence: String?
        public var at: Date
    }

    public var priority: Priority
    public var targets: PriorityTargets?
    public var openedAt: Date
    /// Working time the resolution clock counted, as calendar periods (wall time for 24×7 targets).
    public var counted: [Period]
    public var countedMinutes: Int
    public var pauses: [Period]
    /// Stretches spent resolved before a reopen; not counted.
    public var resolvedIntervals: [Period]
    public var extensionMinutes: Int
    public var extensions: [ExtensionRequest]
    public var breaches: [SLABreach]
    public var breachCause: String?
    public var fired: [FiredTimer]
    public var upcoming: [UpcomingTimer]
    public var state: SLAState

    /// At most this many counted periods are listed (a ticket open for years stays readable).
    public static let maxPeriods = 400

    public init(ticket: Ticket, events: [TicketEvent], rules: TicketRules, now: Date) {
        let sla = ticket.sla
        let targets = rules.policy.targets(for: ticket.priority)
        let continuous = targets?.resolution.mode == .continuous
        let calendar = continuous ? BusinessCalendar.continuous : rules.calendar
        var counted: [Period] = []
        var total: TimeInterval = 0
        for stretch in sla.runningStretches(until: now) {
            total += calendar.businessSeconds(from: stretch.start, to: stretch.end)
            var day = calendar.localDate(of: stretch.start)
            let last = calendar.localDate(of: stretch.end)
            while day <= last && counted.count < Self.maxPeriods {
                for interval in calendar.workingIntervals(on: day) {
                    let lo = max(interval.start, stretch.start)
                    let hi = min(interval.end, stretch.end)
                    guard hi > lo else { continue }
                    if let previous = counted.last, previous.end == lo {
                        let merged = DateInterval(start: previous.start, end: hi)
                        counted[counted.count - 1] = Period(
                            start: merged.start, end: hi, minutes: Int(merged.duration / 60))
                    } else {
                        counted.append(Period(start: lo, end: hi, minutes: Int(hi.timeIntervalSince(lo) / 60)))
                    }
                }
                day = day.adding(days: 1)
            }
        }
        func period(_ interval: DateInterval) -> Period {
            Period(start: interval.start, end: interval.end, minutes: Int(interval.duration / 60))
        }
        var pauses = sla.pauses.map(period)
        if let since = sla.pausedSince {
            pauses.append(Period(start: since, end: nil, minutes: Int(max(0, now.timeIntervalSince(since)) / 60)))
        }
        self.priority = ticket.priority
        self.targets = targets
        self.openedAt = sla.openedAt
        self.counted = counted
        self.countedMinutes = Int(total / 60)
        self.pauses = pauses
        self.resolvedIntervals = sla.resolvedIntervals.map(period)
        self.extensionMinutes = Int(sla.extensionSeconds / 60)
        self.extensions = ticket.extensions ?? []
        self.breaches = ticket.breaches ?? []
        self.breachCause = ticket.breachCause
        self.fired = events.filter { $0.kind == .sla }.map {
            FiredTimer(
                timer: $0.data["timer"] ?? "", cadence: $0.data["cadence"],
                dueAt: $0.data["due"].flatMap { try? Date($0, strategy: .iso8601) }, firedAt: $0.at)
        }
        self.upcoming = SLAEngine.unfired(for: ticket, rules: rules).map {
            UpcomingTimer(timer: $0.kind.rawValue, cadence: $0.cadence?.rawValue, at: $0.at)
        }
        self.state = sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
    }
}
