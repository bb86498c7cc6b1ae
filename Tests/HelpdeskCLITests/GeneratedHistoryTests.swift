import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@testable import helpdesk

/// `helpdesk generate` makes the desks the benchmarks run on; their closed tickets must have
/// been handled as a desk handles them, or the reports measure nothing real. Before this, a
/// generated ticket was closed with its SLA clock still at "new": never answered, never resolved.
@Suite("helpdesk generate: a closed ticket's history")
struct GeneratedHistoryTests {
    final class Source: @unchecked Sendable {
        var random = SeededRandom(seed: 7)
        func next() -> Double { Double.random(in: 0..<1, using: &random) }
    }

    static let rules = TicketRules(policy: .default, calendar: .standard)
    static let engineers: [User] = (1...12).map {
        User(
            id: Int64(100 + $0), username: "e\($0)", displayName: "工程师\($0)", role: .agent, tier: .l1,
            groupIds: [Int64($0 % 3 + 1)])
    }

    static func draft(_ index: Int) -> Ticket {
        let submitted = Date(timeIntervalSince1970: 1_780_000_000 + Double(index) * 2_917)
        return Ticket(
            type: .fault, title: "工单 \(index)", description: "打印机卡纸", requester: Requester(userId: 9, name: "张三"),
            contact: "13812345678", channel: .portal, impact: .medium, urgency: .medium, priority: .p2,
            suggestedPriority: .p2, categoryId: 1, groupId: Int64(index % 4), assigneeId: nil, tier: .l1,
            submittedAt: submitted, createdById: 9, slaPolicyId: 1, sla: .opened(at: submitted, priority: .p2))
    }

    static let handled: [(Ticket, [TicketEvent])] = {
        let source = Source()
        let history = GeneratedHistory(rules: rules, engineers: engineers, uniform: source.next)
        return (0..<2_000).map { index in
            let draft = draft(index)
            let created = TicketEvent(
                kind: .created, toStatus: .new, actor: Principal(id: 1, name: "admin", role: .admin),
                at: draft.submittedAt)
            return history.closed(draft, solution: "重启后恢复", created: created)
        }
    }()

    @Test("every ticket is closed with its clocks stopped, its events in order, and stored facts", arguments: 0..<40)
    func closedAndConsistent(slice: Int) throws {
        for (ticket, events) in Self.handled[(slice * 50)..<(slice * 50 + 50)] {
            #expect(ticket.status == .closed)
            let resolved = try #require(ticket.sla.resolvedAt, "\(ticket.title): never resolved")
            let closed = try #require(ticket.closedAt)
            #expect(resolved <= closed && ticket.updatedAt == closed && ticket.archivedAt == closed)
            #expect(events.first?.kind == .created && events.last?.toStatus == .closed)
            #expect(
                zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(ticket.title): events out of order")
            #expect(SettledFacts(ticket: ticket, policy: Self.rules.policy, calendar: Self.rules.calendar) != nil)
            if ticket.outOfScope == true {
                #expect(ticket.assigneeId == nil && ticket.sla.respondedAt == nil)
                continue
            }
            let responded = try #require(ticket.sla.respondedAt, "\(ticket.title): never answered")
            #expect(responded >= ticket.submittedAt && responded <= resolved)
            let engineer = try #require(Self.engineers.first { $0.id == ticket.assigneeId })
            let group = try #require(ticket.groupId)
            let groupHasEngineers = Self.engineers.contains { $0.groupIds.contains(group) }
            #expect(!groupHasEngineers || engineer.groupIds.contains(group), "an engineer of the ticket's group")
            #expect(ticket.solution == "重启后恢复")
            if ticket.breachCause != nil {
                let state = ticket.sla.state(at: resolved, policy: Self.rules.policy, calendar: Self.rules.calendar)
                #expect(state.responseBreached || state.resolutionBreached, "a cause only for a breach")
            }
        }
    }

    @Test(
        "the desk is varied: every figure a report shows has tickets, in proportions a desk would see",
        arguments: [
            ("out of scope", 0.002, 0.03), ("escalated", 0.12, 0.32), ("reopened", 0.01, 0.06),
            ("rated", 0.5, 0.7), ("waited on the requester", 0.06, 0.18), ("response missed", 0.005, 0.15),
            ("resolution missed", 0.02, 0.4), ("cause recorded", 0.01, 0.3),
        ] as [(String, Double, Double)])
    func proportions(figure: String, low: Double, high: Double) {
        let count = Self.handled.filter { ticket, events in
            let facts = TicketFacts(
                ticket: ticket, policy: Self.rules.policy, calendar: Self.rules.calendar, at: ticket.updatedAt)
            switch figure {
            case "out of scope": return ticket.outOfScope == true
            case "escalated": return ticket.tier > .l1
            case "reopened": return facts.reopened
            case "rated": return ticket.satisfaction != nil
            case "waited on the requester": return events.contains { $0.toStatus == .waitingOnRequester }
            case "response missed": return facts.responseMet == false
            case "resolution missed": return facts.resolutionMet == false
            default: return ticket.breachCause != nil
            }
        }.count
        let share = Double(count) / Double(Self.handled.count)
        #expect(share >= low && share <= high, "\(figure): \(count) of \(Self.handled.count)")
    }
}
