import Foundation

/// Automatic assignment of a new ticket within its group (R4.1). The store hands in the
/// group's engineers who are active and not away, with their open work; this picks one and
/// makes the assignment as the system, so it is recorded and notified like a manual one.
public enum AutoAssignment {
    public struct Candidate: Hashable, Sendable {
        public var id: Int64
        public var name: String
        public var tier: Tier
        /// Open tickets assigned to them, weighted by ``weight(of:)``.
        public var load: Int
        public var openTickets: Int

        public init(id: Int64, name: String, tier: Tier, load: Int, openTickets: Int) {
            self.id = id
            self.name = name
            self.tier = tier
            self.load = load
            self.openTickets = openTickets
        }
    }

    /// A P0 counts as much open work as four P3s.
    public static func weight(of priority: Priority) -> Int {
        switch priority {
        case .p0: 4
        case .p1: 3
        case .p2: 2
        case .p3: 1
        }
    }

    /// The engineer who gets a ticket at `tier`, or nil (the ticket waits for a manual
    /// assignment). Engineers at the ticket's tier are preferred, then the nearest tier above.
    /// Round-robin takes the next id after `lastAssigned`, wrapping around; least-loaded takes
    /// the smallest weighted load, then the fewest open tickets, ties continuing the rotation.
    public static func pick(
        _ mode: AssignmentMode, tier: Tier, among candidates: [Candidate], lastAssigned: Int64?
    ) -> Candidate? {
        guard mode != .manual,
            let nearest = candidates.map(\.tier).filter({ $0 >= tier }).min()
        else { return nil }
        let eligible = candidates.filter { $0.tier == nearest }.sorted { $0.id < $1.id }
        // The rotation: ids after the last one assigned first, then from the start.
        let last = lastAssigned ?? 0
        let rotation = eligible.filter { $0.id > last } + eligible.filter { $0.id <= last }
        switch mode {
        case .manual: return nil
        case .roundRobin: return rotation.first
        case .leastLoaded:
            return rotation.enumerated().min { a, b in
                (a.element.load, a.element.openTickets, a.offset) < (b.element.load, b.element.openTickets, b.offset)
            }?.element
        }
    }

    /// The system's assignment of the new ticket to `engineer`, with the mode in the event.
    public static func assign(
        _ ticket: Ticket, to engineer: Candidate, mode: AssignmentMode, at now: Date, rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        var change = try Workflow.apply(
            TransitionRequest(action: .assign, assigneeId: engineer.id), to: ticket, by: .system, at: now,
            rules: rules)
        for index in change.events.indices { change.events[index].data["auto_assigned"] = mode.rawValue }
        return change
    }
}
