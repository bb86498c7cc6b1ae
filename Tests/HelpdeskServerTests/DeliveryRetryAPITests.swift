import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// `POST /api/v1/admin/deliveries/{id}/retry`: a failed delivery goes back in the queue and the
/// scheduler sends it once more, to the webhook's current URL; only admins, only failed ones.
@Suite("Notifications: retrying a failed delivery")
struct DeliveryRetryAPITests {
    /// A webhook subscribed to `assigned` at `url`, and one `assigned` notice dispatched to it.
    static func assignedDelivery(_ api: APIHarness, url: String, admin: String) async throws -> (
        hook: Int64, delivery: Int64
    ) {
        try await WebhookDeliveryTests.allowLoopbackTargets(api.store)
        let hook = try await api.call(
            .post, "/api/v1/admin/webhooks", token: admin,
            json: ["name": "IM bridge", "url": url, "events": ["assigned"]])
        #expect(hook.status == .created, "\(hook.json)")
        let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
        let number = try await api.submitVPNTicket(requester.token)
        let assigned = try await api.call(
            .post, "/api/v1/tickets/\(number)/transitions", token: admin, json: ["action": "assign", "assigneeId": 1])
        #expect(assigned.status == .ok, "\(assigned.json)")
        _ = try await api.store.dispatchNotifications(now: api.clock.now, limit: 10, email: false)
        let deliveries = try await api.store.deliveries(webhookId: nil, before: nil, limit: 10)
        let delivery = try #require(deliveries.first { $0.event == "assigned" })
        return (try #require(hook["id"] as? Int).int64, delivery.id)
    }

    static func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    static func scheduler(_ api: APIHarness) -> SLAScheduler {
        SLAScheduler(
            store: api.store, clock: AppClock { api.clock.now },
            channels: [.webhook: WebhookChannel(store: api.store, timeout: 5, now: { api.clock.now })],
            logger: TestStores.logger)
    }

    @Test(
        "a delivery that failed every attempt is retried after the URL is fixed, delivered once, and audited",
        arguments: TestStores.kinds)
    func failedDeliveryIsRetried(kind: StoreKind) async throws {
        try await WebhookDeliveryTests.withReceiver(failures: 0) { receiver, port in
            try await APIHarness.run(kind) { api in
                // given: a webhook at a port nobody listens on, and its delivery failed 8 times
                let admin = try await api.token("admin")
                let (hook, id) = try await Self.assignedDelivery(api, url: "http://127.0.0.1:9/hook", admin: admin)
                let scheduler = Self.scheduler(api)
                for _ in 0..<SLAScheduler.maxAttempts {
                    await scheduler.tick()
                    api.clock.advance(by: 7 * 3600)
                }
                let failed = try #require(try await api.store.delivery(id: id))
                #expect(failed.status == .failed && failed.attempts == SLAScheduler.maxAttempts)
                #expect(await scheduler.tick().delivered == 0, "a failed delivery is not tried again by itself")
                let fixed = try await api.call(
                    .put, "/api/v1/admin/webhooks/\(hook)", token: admin,
                    json: ["name": "IM bridge", "url": "http://127.0.0.1:\(port)/hook", "events": ["assigned"]])
                #expect(fixed.status == .ok, "\(fixed.json)")

                // when
                let retried = try await api.call(.post, "/api/v1/admin/deliveries/\(id)/retry", token: admin)

                // then: pending, due now, aimed at the fixed URL; a second retry is refused
                #expect(retried.status == .ok, "\(retried.json)")
                #expect(retried["status"] as? String == "pending")
                #expect(retried["target"] as? String == "http://127.0.0.1:\(port)/hook")
                let again = try await api.call(.post, "/api/v1/admin/deliveries/\(id)/retry", token: admin)
                #expect(again.status == .conflict && again.errorCode == "delivery_not_failed")
                let report = await scheduler.tick()
                #expect(report.delivered == 1 && report.failed == 0)
                let hits = receiver.hits.withLock { $0 }
                #expect(hits.count == 1 && hits.first?.delivery == String(id) && hits.first?.event == "assigned")
                let log = try await api.call(.get, "/api/v1/admin/deliveries?webhookId=\(hook)", token: admin)
                let entry = try #require(log.items.first { ($0["id"] as? Int).map(Int64.init) == id })
                #expect(entry["status"] as? String == "delivered")
                #expect(entry["attempts"] as? Int == SLAScheduler.maxAttempts + 1)
                let audit = try await api.call(.get, "/api/v1/audit", token: admin)
                let actions = audit.items.compactMap { $0["action"] as? String }
                #expect(actions.filter { $0 == "delivery.retried" }.count == 1, "the refused retry is not audited")
                #expect(audit.items.contains { $0["target"] as? String == "delivery:\(id)" })
            }
        }
    }

    @Test("retry is for admins, of a delivery that exists and has failed", arguments: TestStores.kinds)
    func refusals(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a pending delivery and a supervisor
            let admin = try await api.token("admin")
            let (_, id) = try await Self.assignedDelivery(api, url: "http://127.0.0.1:9/hook", admin: admin)
            let boss = try await api.signUp("boss", role: "supervisor", admin: admin)
            // when / then
            let forbidden = try await api.call(.post, "/api/v1/admin/deliveries/\(id)/retry", token: boss.token)
            #expect(forbidden.status == .forbidden && forbidden.errorCode == "forbidden")
            let unknown = try await api.call(.post, "/api/v1/admin/deliveries/999999/retry", token: admin)
            #expect(unknown.status == .notFound && unknown.errorCode == "not_found")
            let pending = try await api.call(
                .post, "/api/v1/admin/deliveries/\(id)/retry", token: admin, language: "en")
            #expect(pending.status == .conflict && pending.errorCode == "delivery_not_failed")
            #expect(pending.errorMessage?.contains("Only a failed delivery") == true)
            #expect(try await api.store.delivery(id: id)?.status == .pending)
            #expect(try await api.call(.post, "/api/v1/admin/deliveries/\(id)/retry").status == .unauthorized)
        }
    }

    @Test(
        "two admins retrying at once re-queue it once, and two instances claiming it send it once",
        arguments: TestStores.kinds)
    func concurrentRetryAndClaim(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a failed delivery
            let admin = try await api.token("admin")
            let (_, id) = try await Self.assignedDelivery(api, url: "http://127.0.0.1:9/hook", admin: admin)
            let store = api.store
            let now = api.clock.now
            #expect(try await store.claimDeliveries(now: now, limit: 10, lease: 120).map(\.id) == [id])
            try await store.finishDelivery(
                id: id, outcome: .failed(status: 500, error: "HTTP 500", retryAt: nil), now: now)
            // when: two retries at once
            async let first = Self.outcome { try await store.requeueFailedDelivery(id: id, now: now) }
            async let second = Self.outcome { try await store.requeueFailedDelivery(id: id, now: now) }
            let results = await [first, second]
            // then: one re-queued it, the other found no failed delivery
            #expect(results.filter { (try? $0.get())?.status == .pending }.count == 1)
            #expect(
                results.contains {
                    if case .failure(let error) = $0 { (error as? StoreError) == .notFound("delivery") } else { false }
                })
            // and two instances claiming at once: exactly one gets it
            async let claimA = store.claimDeliveries(now: now, limit: 10, lease: 120)
            async let claimB = store.claimDeliveries(now: now, limit: 10, lease: 120)
            let claimed = try await claimA.map(\.id) + claimB.map(\.id)
            #expect(claimed == [id])
        }
    }
}

extension Int {
    fileprivate var int64: Int64 { Int64(self) }
}
