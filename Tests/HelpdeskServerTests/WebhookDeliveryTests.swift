import Crypto
import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

@testable import HelpdeskServer

/// Webhooks against a real local receiver: signed bodies, retries with back-off on failure,
/// the delivery log, and a failing receiver never blocking the workflow.
@Suite("Notifications: webhooks to a local receiver")
struct WebhookDeliveryTests {
    /// What the receiver saw; it answers 500 to the first `failures` requests.
    final class Receiver: Sendable {
        struct Hit: Sendable {
            var body: String
            var signature: String
            var event: String
            var delivery: String
        }

        let hits = Mutex<[Hit]>([])
        let failures: Int

        init(failures: Int) { self.failures = failures }
    }

    /// The receivers run on 127.0.0.1, which webhooks may only target once an admin allows it.
    static func allowLoopbackTargets(_ store: SQLStore) async throws {
        var settings = try await store.deskSettings()
        settings.allowInternalWebhookTargets = true
        try await store.saveDeskSettings(settings, now: Date())
    }

    /// Runs a receiver on a free port of 127.0.0.1 while `body` runs.
    static func withReceiver(
        failures: Int, _ body: @Sendable (Receiver, Int) async throws -> Void
    ) async throws {
        let receiver = Receiver(failures: failures)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let hit = Receiver.Hit(
                body: String(buffer: buffer), signature: request.headers[.init("X-Helpdesk-Signature")!] ?? "",
                event: request.headers[.init("X-Helpdesk-Event")!] ?? "",
                delivery: request.headers[.init("X-Helpdesk-Delivery")!] ?? "")
            let count = receiver.hits.withLock {
                $0.append(hit)
                return $0.count
            }
            return Response(status: count <= receiver.failures ? .internalServerError : .ok)
        }
        try await LocalServer.run(router) { port in try await body(receiver, port) }
    }

    @Test(
        "signed deliveries are retried with back-off until the receiver accepts, and logged",
        arguments: TestStores.kinds)
    func signedAndRetried(kind: StoreKind) async throws {
        try await Self.withReceiver(failures: 2) { receiver, port in
            try await TestStores.with(kind) { store in
                try await Self.allowLoopbackTargets(store)
                let secret = "s3cret-s3cret-s3cret"
                let hook = try await store.saveWebhook(
                    Webhook(
                        name: "IM bridge", url: "http://127.0.0.1:\(port)/hook", secret: secret, events: ["assigned"]),
                    now: Date())
                let clock = TestClock(Shanghai.date("2026-11-23 10:00"))
                let scheduler = SLAScheduler(
                    store: store, clock: AppClock { clock.now },
                    channels: [.webhook: WebhookChannel(store: store, timeout: 5, now: { clock.now })],
                    logger: TestStores.logger)
                let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
                let agent = try await TicketFactory.user(in: store, "li", role: .agent, tier: .l1)
                let ticket = try await TicketFactory.create(
                    in: store, TicketFactory.input(requester: requester.asRequester), by: requester.actor, at: clock.now
                )
                _ = try await store.updateTicket(number: ticket.number) { current, rules in
                    try Workflow.apply(
                        TransitionRequest(action: .assign, assigneeId: agent.id), to: current, by: Principal.system,
                        at: clock.now, rules: rules)
                }

                // First attempt fails (500); the workflow change is stored regardless.
                var report = await scheduler.tick()
                #expect(report.noticesDispatched == 1 && report.failed == 1)
                #expect(try await store.ticket(number: ticket.number)?.status == .assigned)
                // Not retried before the back-off (30 s) has passed …
                clock.advance(by: 29)
                report = await scheduler.tick()
                #expect(report.delivered + report.failed == 0)
                // … then again after 30 s (fails), and after 2 more minutes (succeeds).
                clock.advance(by: 1)
                report = await scheduler.tick()
                #expect(report.failed == 1)
                clock.advance(by: 120)
                report = await scheduler.tick()
                #expect(report.delivered == 1)
                // Later notices of other kinds (the L1 escalation at 10:30) are not subscribed.
                clock.advance(by: 3600)
                report = await scheduler.tick()
                #expect(report.noticesDispatched >= 1 && report.delivered + report.failed == 0)

                let hits = receiver.hits.withLock { $0 }
                #expect(hits.count == 3)
                #expect(Set(hits.map(\.body)).count == 1, "every retry carries the same body and id")
                for hit in hits {
                    #expect(hit.event == "assigned")
                    // t=<timestamp>,v1=<HMAC-SHA256(secret, "<timestamp>.<body>")>
                    let parts = Dictionary(
                        uniqueKeysWithValues: hit.signature.split(separator: ",").map {
                            let pair = $0.split(separator: "=", maxSplits: 1)
                            return (String(pair[0]), String(pair[1]))
                        })
                    let mac = HMAC<SHA256>.authenticationCode(
                        for: Data("\(parts["t"]!).\(hit.body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
                    #expect(parts["v1"] == mac.map { String(format: "%02x", $0) }.joined())
                }
                let body = try JSONSerialization.jsonObject(with: Data(hits[0].body.utf8)) as! [String: Any]
                #expect(body["event"] as? String == "assigned" && body["ticket"] as? String == ticket.number)
                #expect(body["recipients"] as? [Int] == [Int(agent.id)])

                let log = try await store.deliveries(webhookId: hook.id, before: nil, limit: 10)
                #expect(log.count == 1)
                #expect(log[0].status == .delivered && log[0].attempts == 3 && log[0].lastStatus == 200)
            }
        }
    }

    @Test("a receiver that never accepts is given up after the last attempt", arguments: TestStores.kinds)
    func givesUp(kind: StoreKind) async throws {
        try await Self.withReceiver(failures: 1000) { receiver, port in
            try await TestStores.with(kind) { store in
                try await Self.allowLoopbackTargets(store)
                _ = try await store.saveWebhook(
                    Webhook(name: "down", url: "http://127.0.0.1:\(port)/hook", secret: "0123456789abcdef"), now: Date()
                )
                let clock = TestClock(Shanghai.date("2026-11-23 10:00"))
                let scheduler = SLAScheduler(
                    store: store, clock: AppClock { clock.now },
                    channels: [.webhook: WebhookChannel(store: store, timeout: 5, now: { clock.now })],
                    logger: TestStores.logger)
                let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
                // A P0 alerts at once: one notice, one delivery.
                _ = try await TicketFactory.create(
                    in: store, TicketFactory.input(requester: requester.asRequester, impact: .high, urgency: .high),
                    by: requester.actor, at: clock.now)
                for _ in 0..<12 {
                    await scheduler.tick()
                    clock.advance(by: 6 * 3600)
                }
                let log = try await store.deliveries(webhookId: nil, before: nil, limit: 50)
                let alert = try #require(log.first { $0.event == "p0_alert" })
                #expect(
                    alert.status == .failed && alert.attempts == SLAScheduler.maxAttempts && alert.lastStatus == 500)
                #expect(
                    receiver.hits.withLock { $0 }.filter { $0.event == "p0_alert" }.count == SLAScheduler.maxAttempts)
            }
        }
    }
}
