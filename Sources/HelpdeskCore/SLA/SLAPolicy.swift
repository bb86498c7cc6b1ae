import Foundation

/// A versioned set of SLA targets (R2.4, R3.1) and the statuses that pause the clock (R3.3).
public struct SLAPolicy: Hashable, Codable, Sendable {
    public var targets: [PriorityTargets]
    public var pauseStatuses: Set<TicketStatus>

    public init(
        targets: [PriorityTargets], pauseStatuses: Set<TicketStatus> = [.waitingOnRequester, .blocked]
    ) {
        self.targets = targets
        self.pauseStatuses = pauseStatuses
    }

    public func targets(for priority: Priority) -> PriorityTargets? {
        targets.first { $0.priority == priority }
    }

    /// Each priority exactly once, all values positive, pause statuses open.
    public func validate() throws(SLAPolicyError) {
        var seen: Set<Priority> = []
        for t in targets {
            guard seen.insert(t.priority).inserted else { throw .duplicatePriority(t.priority) }
            let all = [t.response, t.resolution] + (t.hardLimit.map { [$0] } ?? [])
            guard all.allSatisfy({ $0.value > 0 }) else { throw .nonPositiveTarget(t.priority) }
            guard all.allSatisfy({ $0.value <= $0.unit.maximum }) else { throw .targetTooLong(t.priority) }
        }
        for p in Priority.allCases where !seen.contains(p) { throw .missingPriority(p) }
        for s in TicketStatus.allCases where pauseStatuses.contains(s) && !s.isOpen {
            throw .pauseStatusNotOpen(s)
        }
    }

    /// R3.1 defaults: P0 30 min / 2 h (hard limit 4 h) 24×7; P1 4 h / 8 h, P2 8 h / 24 h,
    /// P3 24 h / 3 working days, all in business time.
    public static let `default` = SLAPolicy(targets: [
        PriorityTargets(
            priority: .p0, response: .minutes(30, mode: .continuous), resolution: .hours(2, mode: .continuous),
            hardLimit: .hours(4, mode: .continuous)),
        PriorityTargets(priority: .p1, response: .hours(4), resolution: .hours(8)),
        PriorityTargets(priority: .p2, response: .hours(8), resolution: .hours(24)),
        PriorityTargets(priority: .p3, response: .hours(24), resolution: .workingDays(3)),
    ])

    private enum CodingKeys: String, CodingKey { case targets, pauseStatuses }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            targets: try c.decode([PriorityTargets].self, forKey: .targets),
            pauseStatuses: try c.decodeIfPresent(Set<TicketStatus>.self, forKey: .pauseStatuses)
                ?? [.waitingOnRequester, .blocked])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(targets, forKey: .targets)
        try c.encode(TicketStatus.allCases.filter(pauseStatuses.contains), forKey: .pauseStatuses)
    }
}
