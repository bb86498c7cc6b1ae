import Foundation

/// A count in a report, named so that the tickets it counts can be listed: every number on a
/// report page links to the tracking table narrowed to its figure, and that list's length equals
/// the number (R7, "every figure is reconcilable"). A rate is two figures, its count and what
/// it is counted of; a time statistic is over the tickets it measured.
///
/// Written as text in links and in the API's `figure=`: `responseMet`, `backlog.3to7d`,
/// `breaches.unrecorded`, `escalated.L2`, `satisfaction.satisfied`, `volume.category.6`.
public enum ReportFigure: Hashable, Sendable {
    case tickets
    case outOfScope
    /// In scope: what every rate and time counts.
    case counted
    case firstResponseMeasured
    case resolutionMeasured
    case responseMet
    case responseDecided
    case resolutionMet
    case resolutionDecided
    case resolved
    case everResolved
    case reopened
    case firstContact
    case backlog(String)
    case breached
    /// Breached with this recorded cause; `unrecorded` where none was given.
    case breachCause(String)
    case escalated(Tier)
    case rated
    case satisfaction(SatisfactionLevel)
    /// `channel`, `type`, `priority`, `category`, `group` or `engineer`, and the key as
    /// ``KPISet/volume`` has it (`none` where unset).
    case volume(dimension: String, key: String)

    static let simple: [String: ReportFigure] = [
        "tickets": .tickets, "outOfScope": .outOfScope, "counted": .counted,
        "firstResponseMeasured": .firstResponseMeasured, "resolutionMeasured": .resolutionMeasured,
        "responseMet": .responseMet, "responseDecided": .responseDecided, "resolutionMet": .resolutionMet,
        "resolutionDecided": .resolutionDecided, "resolved": .resolved, "everResolved": .everResolved,
        "reopened": .reopened, "firstContact": .firstContact, "breached": .breached, "rated": .rated,
    ]

    public static let volumeDimensions = ["channel", "type", "priority", "category", "group", "engineer"]

    public init?(text: String) {
        guard text.utf8.count <= 1200, text.unicodeScalars.count <= 300 else { return nil }
        if let figure = Self.simple[text] {
            self = figure
            return
        }
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("backlog", 2) where KPISet.ageBuckets.contains { $0.key == parts[1] }:
            self = .backlog(parts[1])
        case ("breaches", 2...) where !parts[1].isEmpty:
            // A cause is the handler's own words and may hold dots.
            self = .breachCause(String(text.dropFirst("breaches.".count)))
        case ("escalated", 2) where parts[1] != Tier.l1.rawValue:
            guard let tier = Tier(rawValue: parts[1]) else { return nil }
            self = .escalated(tier)
        case ("satisfaction", 2):
            guard let level = SatisfactionLevel(rawValue: parts[1]) else { return nil }
            self = .satisfaction(level)
        case ("volume", 3) where Self.volumeDimensions.contains(parts[1]) && !parts[2].isEmpty:
            self = .volume(dimension: parts[1], key: parts[2])
        default:
            return nil
        }
    }

    public var text: String {
        switch self {
        case .backlog(let bucket): "backlog." + bucket
        case .breachCause(let cause): "breaches." + cause
        case .escalated(let tier): "escalated." + tier.rawValue
        case .satisfaction(let level): "satisfaction." + level.rawValue
        case .volume(let dimension, let key): "volume.\(dimension).\(key)"
        default: Self.simple.first { $0.value == self }!.key
        }
    }

    /// Whether the figure counts this ticket, with backlog and undecided targets read at `asOf`
    /// (the report's own instant): the same rule as the fold in ``KPISet``.
    public func includes(_ fact: TicketFacts, asOf: Date) -> Bool {
        switch self {
        case .tickets: return true
        case .outOfScope: return fact.outOfScope
        case .volume(let dimension, let key): return KPISet.volumeKey(fact, dimension) == key
        default: break
        }
        guard !fact.outOfScope else { return false }
        switch self {
        case .counted: return true
        case .firstResponseMeasured: return fact.firstResponseMinutes != nil
        case .resolutionMeasured: return fact.resolutionMinutes != nil
        case .responseMet: return fact.responseMet == true
        case .responseDecided: return fact.responseMet != nil
        case .resolutionMet: return fact.resolutionMet == true
        case .resolutionDecided: return fact.resolutionMet != nil
        case .resolved: return fact.resolvedAt != nil
        case .everResolved: return fact.resolvedAt != nil || fact.reopened
        case .reopened: return fact.reopened
        case .firstContact: return fact.resolvedAt != nil && fact.tier == .l1
        case .backlog(let bucket): return fact.isOpen(at: asOf) && KPISet.ageBucket(fact, asOf: asOf) == bucket
        case .breached: return fact.breached
        case .breachCause(let cause): return fact.breached && (fact.breachCause ?? "unrecorded") == cause
        case .escalated(let tier): return fact.tier >= tier
        case .rated: return fact.satisfaction != nil
        case .satisfaction(let level): return fact.satisfaction?.level == level
        case .tickets, .outOfScope, .volume: return true
        }
    }
}

extension KPISet {
    /// The number this set shows for `figure`: what a drill-down's length must equal.
    public func count(of figure: ReportFigure) -> Int {
        switch figure {
        case .tickets: tickets
        case .outOfScope: outOfScope
        case .counted: resolutionRate.of
        case .firstResponseMeasured: firstResponse.count
        case .resolutionMeasured: resolution.count
        case .responseMet: responseAttainment.count
        case .responseDecided: responseAttainment.of
        case .resolutionMet: resolutionAttainment.count
        case .resolutionDecided: resolutionAttainment.of
        case .resolved: resolutionRate.count
        case .everResolved: reopenRate.of
        case .reopened: reopenRate.count
        case .firstContact: firstContactResolution.count
        case .backlog(let bucket): backlog[bucket] ?? 0
        case .breached: breachesByCause.values.reduce(0, +)
        case .breachCause(let cause): breachesByCause[cause] ?? 0
        case .escalated(let tier): escalations[tier.rawValue] ?? 0
        case .rated: satisfaction.rated
        case .satisfaction(.satisfied): satisfaction.satisfied.count
        case .satisfaction(.neutral): satisfaction.neutral.count
        case .satisfaction(.dissatisfied): satisfaction.dissatisfied.count
        case .volume(let dimension, let key): volume[dimension]?[key] ?? 0
        }
    }

    /// Every figure this set has a number for, in a fixed order.
    public var figures: [ReportFigure] {
        var figures: [ReportFigure] = [
            .tickets, .outOfScope, .counted, .firstResponseMeasured, .resolutionMeasured, .responseMet,
            .responseDecided, .resolutionMet, .resolutionDecided, .resolved, .everResolved, .reopened,
            .firstContact,
        ]
        figures += Self.ageBuckets.map { .backlog($0.key) }
        figures.append(.breached)
        figures += breachesByCause.keys.sorted().map { .breachCause($0) }
        figures += [.escalated(.l2), .escalated(.l3), .rated]
        figures += SatisfactionLevel.allCases.map { .satisfaction($0) }
        for dimension in ReportFigure.volumeDimensions {
            figures += (volume[dimension] ?? [:]).keys.sorted().map { .volume(dimension: dimension, key: $0) }
        }
        return figures
    }
}
