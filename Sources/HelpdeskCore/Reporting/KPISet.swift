import Foundation

/// The desk's KPIs over a set of tickets (R7.2), each one fold over ``TicketFacts``. The
/// definitions, with what counts in each numerator and denominator, are in `docs/REPORTS.md`.
public struct KPISet: Equatable, Codable, Sendable {
    /// Every ticket in the set, out of scope included.
    public var tickets: Int
    public var outOfScope: Int
    public var firstResponse: TimeStatistic
    public var resolution: TimeStatistic
    public var responseAttainment: Rate
    public var resolutionAttainment: Rate
    public var resolutionRate: Rate
    public var reopenRate: Rate
    public var firstContactResolution: Rate
    /// Open at `asOf`, by age: `lt1d`, `1to3d`, `3to7d`, `7to30d`, `ge30d`.
    public var backlog: [String: Int]
    /// Breached tickets by recorded cause; `unrecorded` where none was given.
    public var breachesByCause: [String: Int]
    /// Tickets that reached L2 and L3.
    public var escalations: [String: Int]
    /// Extension requests by outcome: `pending`, `approved`, `rejected`.
    public var extensions: [String: Int]
    public var satisfaction: SatisfactionFigures
    /// Ticket counts by `channel`, `type`, `priority`, `category`, `group` and `engineer`
    /// (ids as strings, `none` where unset).
    public var volume: [String: [String: Int]]

    public static let ageBuckets: [(key: String, days: Double)] = [
        ("lt1d", 1), ("1to3d", 3), ("3to7d", 7), ("7to30d", 30), ("ge30d", .infinity),
    ]

    /// One pass over the facts (a month's report folds tens of thousands of them, and once more
    /// for each type, group and engineer); each figure is the rule `docs/REPORTS.md` gives.
    public init(_ facts: [TicketFacts], asOf: Date) {
        tickets = facts.count
        var outOfScope = 0
        var counted = 0
        var responseTimes: [Int] = []
        var resolutionTimes: [Int] = []
        var response = (met: 0, decided: 0)
        var resolution = (met: 0, decided: 0)
        var resolved = 0
        var everResolved = 0
        var reopened = 0
        var firstContact = 0
        var backlog = Dictionary(uniqueKeysWithValues: Self.ageBuckets.map { ($0.key, 0) })
        var breaches: [String: Int] = [:]
        var escalated = (l2: 0, l3: 0)
        var extensions = ["pending": 0, "approved": 0, "rejected": 0]
        var ratings: [Satisfaction] = []
        var channels: [Channel: Int] = [:]
        var types: [TicketType: Int] = [:]
        var priorities: [Priority: Int] = [:]
        var categories: [Int64?: Int] = [:]
        var groups: [Int64?: Int] = [:]
        var engineers: [Int64?: Int] = [:]
        for fact in facts {
            // Volume counts every ticket, out of scope included.
            channels[fact.channel, default: 0] += 1
            types[fact.type, default: 0] += 1
            priorities[fact.priority, default: 0] += 1
            categories[fact.categoryId, default: 0] += 1
            groups[fact.groupId, default: 0] += 1
            engineers[fact.assigneeId, default: 0] += 1
            if fact.outOfScope {
                outOfScope += 1
                continue
            }
            counted += 1
            if let minutes = fact.firstResponseMinutes { responseTimes.append(minutes) }
            if let minutes = fact.resolutionMinutes { resolutionTimes.append(minutes) }
            if let met = fact.responseMet {
                response.decided += 1
                if met { response.met += 1 }
            }
            if let met = fact.resolutionMet {
                resolution.decided += 1
                if met { resolution.met += 1 }
            }
            if fact.resolvedAt != nil {
                resolved += 1
                if fact.tier == .l1 { firstContact += 1 }
            }
            if fact.resolvedAt != nil || fact.reopened {
                everResolved += 1
                if fact.reopened { reopened += 1 }
            }
            if fact.isOpen(at: asOf) { backlog[Self.ageBucket(fact, asOf: asOf), default: 0] += 1 }
            if fact.breached { breaches[fact.breachCause ?? "unrecorded", default: 0] += 1 }
            if fact.tier >= .l2 { escalated.l2 += 1 }
            if fact.tier >= .l3 { escalated.l3 += 1 }
            for status in fact.extensions { extensions[status.rawValue, default: 0] += 1 }
            if let rating = fact.satisfaction { ratings.append(rating) }
        }
        self.outOfScope = outOfScope
        firstResponse = TimeStatistic(responseTimes)
        self.resolution = TimeStatistic(resolutionTimes)
        responseAttainment = Rate(response.met, of: response.decided)
        resolutionAttainment = Rate(resolution.met, of: resolution.decided)
        resolutionRate = Rate(resolved, of: counted)
        reopenRate = Rate(reopened, of: everResolved)
        firstContactResolution = Rate(firstContact, of: resolved)
        self.backlog = backlog
        breachesByCause = breaches
        escalations = [Tier.l2.rawValue: escalated.l2, Tier.l3.rawValue: escalated.l3]
        self.extensions = extensions
        satisfaction = SatisfactionFigures(ratings)
        func keyed<K>(_ counts: [K: Int], _ key: (K) -> String) -> [String: Int] {
            Dictionary(counts.map { (key($0.key), $0.value) }, uniquingKeysWith: +)
        }
        volume = [
            "channel": keyed(channels, \.rawValue), "type": keyed(types, \.rawValue),
            "priority": keyed(priorities, \.rawValue), "category": keyed(categories, Self.key),
            "group": keyed(groups, Self.key), "engineer": keyed(engineers, Self.key),
        ]
        assert(Set(volume.keys) == Set(ReportFigure.volumeDimensions))
    }

    /// The age bucket of a ticket open at `asOf`.
    static func ageBucket(_ fact: TicketFacts, asOf: Date) -> String {
        let days = asOf.timeIntervalSince(fact.submittedAt) / 86_400
        return ageBuckets.first { days < $0.days }!.key
    }

    /// The ticket's key in one of ``ReportFigure/volumeDimensions``.
    static func volumeKey(_ fact: TicketFacts, _ dimension: String) -> String {
        switch dimension {
        case "channel": fact.channel.rawValue
        case "type": fact.type.rawValue
        case "priority": fact.priority.rawValue
        case "category": key(fact.categoryId)
        case "group": key(fact.groupId)
        default: key(fact.assigneeId)
        }
    }

    static func key(_ id: Int64?) -> String { id.map(String.init) ?? "none" }
}

/// Satisfaction (R5.3): the share of each verdict and the mean 1–5 score of the rated tickets.
public struct SatisfactionFigures: Equatable, Codable, Sendable {
    public var rated: Int
    public var satisfied: Rate
    public var neutral: Rate
    public var dissatisfied: Rate
    /// Rounded to two decimals; nil when nothing was rated.
    public var meanScore: Double?

    public init(_ ratings: [Satisfaction]) {
        rated = ratings.count
        satisfied = Rate(ratings.filter { $0.level == .satisfied }.count, of: rated)
        neutral = Rate(ratings.filter { $0.level == .neutral }.count, of: rated)
        dissatisfied = Rate(ratings.filter { $0.level == .dissatisfied }.count, of: rated)
        meanScore =
            rated == 0 ? nil : (Double(ratings.map(\.score).reduce(0, +)) / Double(rated) * 100).rounded() / 100
    }
}
