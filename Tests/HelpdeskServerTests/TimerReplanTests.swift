import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// Changing the engine's settings replans every open ticket's next timer; genuinely due
/// timers must not wait behind that work, however large the desk.
@Suite("SLA engine: replanning after a settings change")
struct TimerReplanTests {
    static let openTickets = 20_000

    @Test(
        "R3.4: after PUT /admin/sla-engine a due P0 breach fires within two scheduler ticks, with 20 000 open tickets",
        arguments: TestStores.kinds)
    func dueBreachNotStarved(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 09:00")) { api in
            // given: 20 000 open P3 tickets opened at 09:00, each next due at its L1 rule (09:30) …
            let admin = try await api.token("admin")
            let requester = try await TicketFactory.user(in: api.store, "xiaoming", role: .requester)
            let template = try await TicketFactory.create(
                in: api.store,
                TicketFactory.input(title: "打印机卡纸", requester: requester.asRequester, impact: .low, urgency: .low),
                by: requester.actor, at: Shanghai.date("2026-11-23 09:00"))
            try #require(template.priority == .p3)
            let numbers = try await BulkTickets.insert(
                Self.openTickets, copiesOf: template, prefix: "BULK", into: api.store)
            // … and, stored last, a P0 opened at 06:00 that nobody handled (resolution due 08:00, 24×7)
            let p0 = try await TicketFactory.create(
                in: api.store,
                TicketFactory.input(title: "支付通道中断", requester: requester.asRequester, impact: .high, urgency: .high),
                by: requester.actor, at: Shanghai.date("2026-11-23 06:00"))
            try #require(p0.priority == .p0)

            // when: at 09:10 the admin gives L1 an hour instead of 30 minutes
            api.clock.set(Shanghai.date("2026-11-23 09:10"))
            var settings = SLAEngineSettings.default
            settings.l1EscalationMinutes = 60
            let put = try await api.call(.put, "/api/v1/admin/sla-engine", token: admin, json: try Self.json(settings))
            try #require(put.status == .ok)
            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            var ticks = 0
            var breached = false
            while ticks < 2, !breached {
                await scheduler.tick()
                ticks += 1
                breached =
                    try await api.store.ticket(number: p0.number)?.breaches?.contains { $0.target == .resolution }
                    == true
            }

            // then: the breach fired, and the open tickets are planned by the new rule (10:00)
            #expect(breached, "the P0 breach had not fired after \(ticks) ticks")
            for number in [numbers[0], numbers[numbers.count / 2], numbers[numbers.count - 1], template.number] {
                #expect(
                    try await BulkTickets.nextTimerAt(number: number, in: api.store)
                        == Shanghai.date("2026-11-23 10:00"))
                #expect(try await api.store.ticket(number: number)?.number == number)
            }
        }
    }

    @Test(
        "R3.4: tickets not planned yet (from before the engine) do not delay a due P0 breach, with 20 000 of them",
        arguments: TestStores.kinds)
    func unplannedDoNotDelayDue(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: 20 000 open tickets the engine has not planned yet, and, stored last, a due P0
            let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
            let template = try await TicketFactory.create(
                in: store,
                TicketFactory.input(title: "打印机卡纸", requester: requester.asRequester, impact: .low, urgency: .low),
                by: requester.actor, at: Shanghai.date("2026-11-23 09:00"))
            let numbers = try await BulkTickets.insert(Self.openTickets, copiesOf: template, prefix: "OLD", into: store)
            try await BulkTickets.markUnplanned(prefix: "OLD", in: store)
            let p0 = try await TicketFactory.create(
                in: store,
                TicketFactory.input(title: "支付通道中断", requester: requester.asRequester, impact: .high, urgency: .high),
                by: requester.actor, at: Shanghai.date("2026-11-23 06:00"))
            let clock = TestClock(Shanghai.date("2026-11-23 09:10"))
            let scheduler = SLAScheduler(
                store: store, clock: AppClock { clock.now }, channels: [:], logger: TestStores.logger)

            // when
            await scheduler.tick()

            // then: the breach fired in the first tick, and planning the old tickets has begun
            let fired = try #require(try await store.ticket(number: p0.number))
            #expect(fired.breaches?.contains { $0.target == .resolution } == true)
            #expect(
                try await BulkTickets.nextTimerAt(number: numbers[0], in: store) == Shanghai.date("2026-11-23 09:30"))
        }
    }

    static func json(_ settings: SLAEngineSettings) throws -> Any {
        try JSONSerialization.jsonObject(with: try JSONEncoder().encode(settings))
    }
}
