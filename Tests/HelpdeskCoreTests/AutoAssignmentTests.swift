import Foundation
import HelpdeskCore
import Testing

@Suite("Automatic assignment")
struct AutoAssignmentTests {
    static func engineer(_ id: Int64, _ tier: Tier = .l1, load: Int = 0, open: Int = 0) -> AutoAssignment.Candidate {
        AutoAssignment.Candidate(id: id, name: "e\(id)", tier: tier, load: load, openTickets: open)
    }

    static let three = [engineer(3), engineer(5), engineer(9)]

    @Test(
        "R4.1 round-robin takes the next engineer after the last one, wrapping around",
        arguments: [
            (Int64?.none, Int64?.some(3)), (3, 5), (5, 9), (9, 3), (4, 5), (100, 3), (1, 3),
        ] as [(Int64?, Int64?)])
    func roundRobin(last: Int64?, expected: Int64?) {
        #expect(AutoAssignment.pick(.roundRobin, tier: .l1, among: Self.three, lastAssigned: last)?.id == expected)
    }

    @Test(
        "R4.1 least-loaded takes the smallest weighted load, then the fewest tickets, then the rotation",
        arguments: [
            ([engineer(1, load: 4, open: 1), engineer(2, load: 3, open: 3)], Int64?.none, Int64(2)),
            ([engineer(1, load: 3, open: 3), engineer(2, load: 3, open: 1)], nil, 2),
            ([engineer(1, load: 2, open: 2), engineer(2, load: 2, open: 2)], nil, 1),
            ([engineer(1, load: 2, open: 2), engineer(2, load: 2, open: 2)], 1, 2),
            ([engineer(1, load: 2, open: 2), engineer(2, load: 2, open: 2)], 2, 1),
            ([engineer(1, load: 0), engineer(2, load: 5), engineer(3, load: 0)], 1, 3),
        ] as [([AutoAssignment.Candidate], Int64?, Int64)])
    func leastLoaded(candidates: [AutoAssignment.Candidate], last: Int64?, expected: Int64) {
        #expect(AutoAssignment.pick(.leastLoaded, tier: .l1, among: candidates, lastAssigned: last)?.id == expected)
    }

    @Test(
        "R4.1 engineers at the ticket's tier first, else the nearest tier above; never below",
        arguments: [
            (Tier.l1, [engineer(1, .l2), engineer(2, .l1)], Int64?.some(2)),
            (.l1, [engineer(1, .l3), engineer(2, .l2)], 2),
            (.l2, [engineer(1, .l1), engineer(2, .l3)], 2),
            (.l3, [engineer(1, .l1), engineer(2, .l2)], nil),
            (.l1, [], nil),
        ] as [(Tier, [AutoAssignment.Candidate], Int64?)])
    func tiers(tier: Tier, candidates: [AutoAssignment.Candidate], expected: Int64?) {
        for mode in [AssignmentMode.roundRobin, .leastLoaded] {
            #expect(AutoAssignment.pick(mode, tier: tier, among: candidates, lastAssigned: nil)?.id == expected)
        }
    }

    @Test("R4.1 a manual group never assigns")
    func manual() {
        #expect(AutoAssignment.pick(.manual, tier: .l1, among: Self.three, lastAssigned: nil) == nil)
    }

    @Test("R4.1 weights rise with priority", arguments: zip([Priority.p0, .p1, .p2, .p3], [4, 3, 2, 1]))
    func weights(priority: Priority, weight: Int) {
        #expect(AutoAssignment.weight(of: priority) == weight)
    }
}
