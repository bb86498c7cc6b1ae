import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// Several server instances on one PostgreSQL database each run the scheduler; every timed
/// event and every notice must still happen once.
@Suite("SLA engine: schedulers on one PostgreSQL database", .enabled(if: TestStores.postgresURL != nil))
struct SchedulerScaleOutTests {
    @Test("two schedulers ticking together fire each timed event once and dispatch each notice once")
    func twoSchedulersFireOnce() async throws {
        try await TestStores.withEmptyPostgres { url in
            let first = try PostgresDatabase(url: url, maxConnections: 10, logger: TestStores.logger)
            let second = try PostgresDatabase(url: url, maxConnections: 10, logger: TestStores.logger)
            let runners = [Task { try await first.run() }, Task { try await second.run() }]
            defer { for runner in runners { runner.cancel() } }
            let storeA = try await TestStores.prepared(first, seedHash: TestStores.adminHash)
            let storeB = SQLStore(database: second)
            let group = try await storeA.groups().first!.id
            let requester = try await TicketFactory.user(in: storeA, "xiaoming", role: .requester)
            _ = try await TicketFactory.user(in: storeA, "l2", role: .agent, tier: .l2, groups: [group])
            _ = try await TicketFactory.user(in: storeA, "boss", role: .supervisor)

            // 40 P0 tickets opened at 03:00: seven timed events each within four hours.
            let start = Shanghai.date("2026-11-29 03:00")
            var numbers: [String] = []
            for index in 0..<40 {
                let input = TicketFactory.input(
                    title: "核心系统故障 \(index)", requester: requester.asRequester, impact: .high, urgency: .high,
                    groupId: group)
                numbers.append(try await TicketFactory.create(in: storeA, input, by: requester.actor, at: start).number)
            }
            let clock = TestClock(start)
            let schedulers = [storeA, storeB].map {
                SLAScheduler(store: $0, clock: AppClock { clock.now }, channels: [:], logger: TestStores.logger)
            }
            // Both tick at the same moments, concurrently, every 5 minutes for 5 hours.
            for _ in 0..<60 {
                clock.advance(by: 300)
                async let a = schedulers[0].tick()
                async let b = schedulers[1].tick()
                _ = await (a, b)
            }

            let expected = [
                "hard_limit_breach", "l1_escalation", "p0_alert", "resolution_breach", "resolution_warning",
                "response_breach", "response_warning",
            ]
            for number in numbers {
                let ticket = try #require(try await storeA.ticket(number: number))
                let timers = try await storeA.events(ticketId: ticket.id, includeInternal: true)
                    .filter { $0.kind == .sla }.compactMap { $0.data["timer"] }.sorted()
                #expect(timers == expected, "\(number)")
                #expect(ticket.breaches?.count == 3)
            }
            // Every notice reached each recipient's inbox exactly once.
            let l2 = try await storeA.users(role: .agent, groupId: nil).first!
            var inbox: [InboxItem] = []
            var cursor: Int64?
            repeat {
                let page = try await storeA.inbox(userId: l2.id, unreadOnly: false, before: cursor, limit: 200)
                inbox += page
                cursor = page.count == 200 ? page.last?.id : nil
            } while cursor != nil
            // The group has no lead, so the L2 engineer, its only member, stands for the handler and
            // the lead of these unassigned tickets: per ticket it hears the P0 alert (L2 staff), the
            // escalation at intake (P0 is core business), both warnings, both breaches it is a
            // handler of and the breach-cause request; the hard limit goes to the supervisors only.
            // Each exactly once, although two schedulers fired and dispatched concurrently.
            let perTicket = [
                "breach_cause_needed", "escalated", "p0_alert", "resolution_breach", "resolution_warning",
                "response_breach", "response_warning",
            ]
            let kindsByTicket = Dictionary(grouping: inbox, by: \.ticketNumber).mapValues { $0.map(\.kind).sorted() }
            #expect(kindsByTicket == Dictionary(uniqueKeysWithValues: numbers.map { ($0, perTicket) }))
            let pending = try await storeA.dispatchNotifications(now: clock.now, limit: 10, email: false)
            #expect(pending == 0)
        }
    }
}
