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

    public init(_ facts: [TicketFacts], asOf: Date) {
        tickets = facts.count
        outOfScope = facts.filter(\.outOfScope).count
        let counted = facts.filter { !$0.outOfScope }
        firstResponse = TimeStatistic(counted.compactMap(\.firstResponseMinutes))
        resolution = TimeStatistic(counted.compactMap(\.resolutionMinutes))
        responseAttainment = Rate(counted.map(\.responseMet))
        resolutionAttainment = Rate(counted.map(\.resolutionMet))
        let resolved = counted.filter { $0.resolvedAt != nil }
        resolutionRate = Rate(resolved.count, of: counted.count)
        let everResolved = counted.filter { $0.resolvedAt != nil || $0.reopened }
        reopenRate = Rate(everResolved.filter(\.reopened).count, of: everResolved.count)
        firstContactResolution = Rate(resolved.filter { $0.tier == .l1 }.count, of: resolved.count)
        var backlog = Dictionary(uniqueKeysWithValues: Self.ageBuckets.map { ($0.key, 0) })
        for fact in counted where fact.isOpen(at: asOf) {
            backlog[Self.ageBucket(fact, asOf: asOf), default: 0] += 1
        }
        self.backlog = backlog
        breachesByCause = Self.count(counted.filter(\.breached)) { $0.breachCause ?? "unrecorded" }
        escalations = [
            Tier.l2.rawValue: counted.filter { $0.tier >= .l2 }.count,
            Tier.l3.rawValue: counted.filter { $0.tier >= .l3 }.count,
        ]
        var extensions = ["pending": 0, "approved": 0, "rejected": 0]
        for status in counted.flatMap(\.extensions) { extensions[status.rawValue, default: 0] += 1 }
        self.extensions = extensions
        satisfaction = SatisfactionFigures(counted.compactMap(\.satisfaction))
        volume = Dictionary(
            uniqueKeysWithValues: ReportFigure.volumeDimensions.map { dimension in
                (dimension, Self.count(facts) { Self.volumeKey($0, dimension) })
            })
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

    static func count(_ facts: [TicketFacts], by key: (TicketFacts) -> String) -> [String: Int] {
        facts.reduce(into: [:]) { $0[key($1), default: 0] += 1 }
    }
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
