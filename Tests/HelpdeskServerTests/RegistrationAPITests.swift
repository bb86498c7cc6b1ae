import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Registration over the API (R1.7): received time, SLA from receipt, the information check")
struct RegistrationAPITests {
    static func phoneTicket(receivedAt: Date?, channel: String = "phone") -> [String: Any] {
        var body: [String: Any] = [
            "title": "VPN 连不上", "description": "电话报修：在家无法连接公司 VPN", "impact": "medium", "urgency": "high",
            "categoryId": 6, "contact": "8021", "channel": channel, "requester": ["name": "张三"],
        ]
        if let receivedAt { body["receivedAt"] = iso(receivedAt) }
        return body
    }

    @Test(
        "R1.7 a phone ticket records when it was received and when recorded; the SLA clock starts at receipt",
        arguments: TestStores.kinds)
    func receivedTime(kind: StoreKind) async throws {
        // Monday 10:00; the call came in at 09:20.
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let received = Shanghai.date("2026-11-23 09:20")

            let created = try await api.call(
                .post, "/api/v1/tickets", token: agent.token, json: Self.phoneTicket(receivedAt: received))

            #expect(created.status == .created)
            let ticket = try #require(created["ticket"] as? [String: Any])
            #expect(ticket["receivedAt"] as? String == iso(received))
            #expect(ticket["submittedAt"] as? String == iso(api.clock.now))
            #expect(ticket["informationCheckedAt"] == nil)
            // P1's 4 working hours from 09:20: 2 h 40 min to noon, 1 h 20 min after lunch.
            let sla = try #require(ticket["sla"] as? [String: Any])
            #expect(sla["responseDueAt"] as? String == iso(Shanghai.date("2026-11-23 14:20")))
            let number = try #require(ticket["number"] as? String)
            let events = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: agent.token)
            let data = try #require(events.items.first?["data"] as? [String: String])
            #expect(data["received_at"] == iso(received))

            // without a received time the request was received when recorded
            let now = try await api.call(
                .post, "/api/v1/tickets", token: agent.token, json: Self.phoneTicket(receivedAt: nil))
            let plain = try #require(now["ticket"] as? [String: Any])
            #expect(plain["receivedAt"] as? String == iso(api.clock.now))
        }
    }

    @Test(
        "R1.7 a received time in the future, over 30 days back, on another channel, or from a requester is refused",
        arguments: TestStores.kinds)
    func refusals(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let now = api.clock.now
            for (receivedAt, channel) in [
                (now.addingTimeInterval(60), "phone"), (now.addingTimeInterval(-31 * 86_400), "email"),
                (now.addingTimeInterval(-600), "walk_in"),
            ] {
                let refused = try await api.call(
                    .post, "/api/v1/tickets", token: agent.token,
                    json: Self.phoneTicket(receivedAt: receivedAt, channel: channel), language: "en")
                #expect(refused.status == .unprocessableContent, "\(channel)")
                #expect(refused.errorCode == "invalid_value")
                #expect(refused.errorMessage?.contains("receivedAt") == true)
            }
            let own = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "title": "VPN 连不上", "description": "在家无法连接公司 VPN", "impact": "low", "urgency": "medium",
                    "contact": "8021", "receivedAt": iso(now.addingTimeInterval(-600)),
                ])
            #expect(own.status == .forbidden)
            // 30 days back exactly is still accepted
            let oldest = try await api.call(
                .post, "/api/v1/tickets", token: agent.token,
                json: Self.phoneTicket(receivedAt: now.addingTimeInterval(-30 * 86_400), channel: "email"))
            #expect(oldest.status == .created)
        }
    }

    @Test(
        "R1.7 L1 is reminded one working hour after recording unless someone checked the information",
        arguments: TestStores.kinds)
    func informationCheckReminder(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 11:30")) { api in
            // given: two phone tickets recorded at 11:30 Monday
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            func create() async throws -> String {
                let created = try await api.call(
                    .post, "/api/v1/tickets", token: agent.token, json: Self.phoneTicket(receivedAt: nil))
                return try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            }
            let checked = try await create()
            let unchecked = try await create()

            // when: one is checked at 12:00, twice
            api.clock.set(Shanghai.date("2026-11-23 12:00"))
            let path = "/api/v1/tickets/\(checked)/information-check"
            let done = try await api.call(.post, path, token: agent.token)
            #expect(done.status == .ok)
            #expect(done["informationCheckedAt"] as? String == iso(api.clock.now))
            #expect(done.headers[.eTag] != nil)
            let again = try await api.call(.post, path, token: agent.token)
            #expect(again.status == .conflict && again.errorCode == "already_checked")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let refused = try await api.call(
                .post, "/api/v1/tickets/\(unchecked)/information-check", token: requester.token)
            #expect(refused.status == .notFound)

            // then: at 13:29 (lunch does not count) nothing yet; at 13:30 the unchecked one reminds L1
            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            api.clock.set(Shanghai.date("2026-11-23 13:29"))
            _ = await scheduler.tick()
            func reminders() async throws -> [String] {
                let inbox = try await api.call(.get, "/api/v1/notifications", token: agent.token)
                return inbox.items.filter { $0["kind"] as? String == "intake_check" }.compactMap {
                    $0["ticketNumber"] as? String
                }
            }
            #expect(try await reminders().isEmpty)
            api.clock.set(Shanghai.date("2026-11-23 13:30"))
            _ = await scheduler.tick()
            #expect(try await reminders() == [unchecked])
            let events = try await api.call(.get, "/api/v1/tickets/\(unchecked)/events", token: agent.token)
            #expect(
                events.items.contains {
                    $0["kind"] as? String == "sla" && ($0["data"] as? [String: String])?["timer"] == "intake_check"
                })
            let english = try await api.call(.get, "/api/v1/notifications", token: agent.token, language: "en")
            let title = english.items.first { $0["kind"] as? String == "intake_check" }?["title"] as? String
            #expect(title == "Please check the information: \(unchecked)")
        }
    }
}
