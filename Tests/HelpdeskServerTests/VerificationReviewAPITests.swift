import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// R5.1 internal verification and R5.5 the supervisor's review over HTTP, on both stores.
@Suite("Verification and review API")
struct VerificationReviewAPITests {
    /// 环境配置 (category 6, routes to 运维组, group 1) verifies its solutions.
    static func requireVerification(_ api: APIHarness, admin: String, _ required: Bool = true) async throws {
        let saved = try await api.call(
            .put, "/api/v1/categories/6", token: admin,
            json: [
                "name": "环境配置", "nameEn": "Environment configuration", "defaultGroupId": 1, "sortOrder": 2,
                "requiresVerification": required,
            ])
        #expect(saved.status == .ok, "\(saved.json)")
        #expect(saved["requiresVerification"] as? Bool == required)
    }

    static func scheduler(_ api: APIHarness) -> SLAScheduler {
        SLAScheduler(store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
    }

    @Test(
        "R5.1 resolve → verifying (requester not told) → fail with reason → resolve → pass by a supervisor → resolved, told",
        arguments: TestStores.kinds)
    func verificationFlow(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: the category verifies; two L1 engineers of 运维组 and a supervisor
            let admin = try await api.token("admin")
            try await Self.requireVerification(api, admin: admin)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let li = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let wang = try await api.signUp("wang.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let other = try await api.signUp("zhao.net", role: "agent", tier: "L2", groups: [4], admin: admin)
            let supervisor = try await api.signUp("boss", role: "supervisor", admin: admin)
            let number = try await api.submitVPNTicket(requester.token)
            let path = "/api/v1/tickets/\(number)"
            func move(_ token: String, _ body: [String: Any]) async throws -> APIResponse {
                try await api.call(.post, path + "/transitions", token: token, json: body)
            }
            _ = try await move(admin, ["action": "assign", "assigneeId": li.id])
            _ = try await move(li.token, ["action": "accept"])

            // when: the handler resolves at 10:10 (inside L1's 30 minutes, R4.2)
            api.clock.set(Shanghai.date("2026-11-23 10:10"))
            let resolved = try await move(li.token, ["action": "resolve", "solution": "重新下发 VPN 证书"])

            // then: waiting for the check, the clock still running, the requester sees no solution
            #expect(resolved["status"] as? String == "verifying", "\(resolved.json)")
            #expect((resolved["verification"] as? [String: Any])?["resolverId"] as? Int == Int(li.id))
            #expect((resolved["sla"] as? [String: Any])?["resolvedAt"] == nil)
            let seen = try await api.call(.get, path, token: requester.token)
            #expect(seen["status"] as? String == "verifying")
            #expect(seen["solution"] == nil)
            #expect(seen["verification"] == nil)
            let waiting = try await api.call(.get, "/api/v1/tickets?status=verifying", token: wang.token)
            #expect(waiting.items.map { $0["number"] as? String } == [number])

            // the resolver, an engineer of another group and the requester may not verify
            for token in [li.token, requester.token] {
                let refused = try await api.call(.post, path + "/verification", token: token, json: ["passed": true])
                #expect(refused.status == .forbidden, "\(refused.json)")
            }
            let outsider = try await api.call(.post, path + "/verification", token: other.token, json: ["passed": true])
            #expect(outsider.status == .notFound)
            // a failed check needs a reason
            let noReason = try await api.call(
                .post, path + "/verification", token: wang.token, json: ["passed": false, "reason": " "])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.errorCode == "reason_required")

            // when: the second engineer fails it at 10:15
            api.clock.set(Shanghai.date("2026-11-23 10:15"))
            let failed = try await api.call(
                .post, path + "/verification", token: wang.token, json: ["passed": false, "reason": "家中网络仍连不上"])

            // then: back to the handler, the reason in the (internal) history, the handler told
            #expect(failed.status == .ok, "\(failed.json)")
            #expect(failed["status"] as? String == "in_progress")
            #expect(failed["assigneeId"] as? Int == Int(li.id))
            let staffHistory = try await api.call(.get, path + "/events", token: li.token)
            let failure = try #require(staffHistory.items.last)
            #expect(failure["action"] as? String == "fail_verification")
            #expect(failure["reason"] as? String == "家中网络仍连不上")
            #expect(failure["visibility"] as? String == "internal")
            let requesterHistory = try await api.call(.get, path + "/events", token: requester.token)
            #expect(!requesterHistory.items.contains { ($0["action"] as? String)?.contains("verif") == true })
            #expect(!requesterHistory.items.contains { $0["action"] as? String == "resolve" })
            await Self.scheduler(api).tick()
            let liInbox = try await api.call(.get, "/api/v1/notifications", token: li.token)
            #expect(liInbox.items.contains { $0["kind"] as? String == "verification_failed" })
            let wangInbox = try await api.call(.get, "/api/v1/notifications", token: wang.token)
            #expect(wangInbox.items.contains { $0["kind"] as? String == "verification_requested" })
            let supervisorInbox = try await api.call(.get, "/api/v1/notifications", token: supervisor.token)
            #expect(supervisorInbox.items.contains { $0["kind"] as? String == "verification_requested" })

            // when: resolved again at 10:20 and passed by the supervisor at 10:25
            api.clock.set(Shanghai.date("2026-11-23 10:20"))
            let again = try await move(li.token, ["action": "resolve", "solution": "更换 VPN 客户端版本"])
            #expect(again["status"] as? String == "verifying")
            api.clock.set(Shanghai.date("2026-11-23 10:25"))
            let passed = try await api.call(
                .post, path + "/verification", token: supervisor.token, json: ["passed": true])

            // then: resolved, the clock stopped at the verification, the verifier recorded
            #expect(passed.status == .ok, "\(passed.json)")
            #expect(passed["status"] as? String == "resolved")
            #expect(
                (passed["sla"] as? [String: Any])?["resolvedAt"] as? String == iso(Shanghai.date("2026-11-23 10:25")))
            let check = try #require(passed["verification"] as? [String: Any])
            #expect(check["verifierId"] as? Int == Int(supervisor.id))
            #expect(check["verifiedAt"] as? String == iso(Shanghai.date("2026-11-23 10:25")))
            let told = try await api.call(.get, path, token: requester.token)
            #expect(told["solution"] as? String == "更换 VPN 客户端版本")
            await Self.scheduler(api).tick()
            let inbox = try await api.call(.get, "/api/v1/notifications", token: requester.token)
            #expect(inbox.items.filter { $0["kind"] as? String == "resolved" }.count == 1)
            // a second pass is not possible
            let twice = try await api.call(.post, path + "/verification", token: wang.token, json: ["passed": true])
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "illegal_transition")
        }
    }

    @Test("R5.1 without the category setting a resolve is resolved at once", arguments: TestStores.kinds)
    func noVerification(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            try await Self.requireVerification(api, admin: admin, false)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(requester.token)
            let path = "/api/v1/tickets/\(number)/transitions"
            _ = try await api.call(.post, path, token: admin, json: ["action": "start"])
            let resolved = try await api.call(.post, path, token: admin, json: ["action": "resolve", "solution": "重启"])
            #expect(resolved["status"] as? String == "resolved")
            #expect(resolved["verification"] == nil)
        }
    }

    @Test(
        "R5.5 the review record: solution, times against targets, pauses, breaches, feedback; review and close; reminder",
        arguments: TestStores.kinds)
    func reviewRecord(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: a P3 VPN ticket (low impact, medium urgency) handled with a pause, resolved, confirmed and rated
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let supervisor = try await api.signUp("boss", role: "supervisor", admin: admin)
            let number = try await api.submitVPNTicket(requester.token)
            let path = "/api/v1/tickets/\(number)"
            func move(_ token: String, _ at: String, _ body: [String: Any]) async throws {
                api.clock.set(Shanghai.date(at))
                let moved = try await api.call(.post, path + "/transitions", token: token, json: body)
                #expect(moved.status == .ok, "\(body["action"]!) → \(moved.json)")
            }
            let early = try await api.call(.get, path + "/review", token: supervisor.token)
            #expect(early.status == .conflict)
            #expect(early.errorCode == "not_resolved")
            try await move(agent.token, "2026-11-23 10:05", ["action": "start"])
            try await move(agent.token, "2026-11-23 10:10", ["action": "wait", "reason": "请提供客户端版本"])
            try await move(requester.token, "2026-11-23 10:40", ["action": "resume"])
            try await move(agent.token, "2026-11-23 10:55", ["action": "resolve", "solution": "升级客户端"])
            try await move(
                requester.token, "2026-11-23 11:05",
                ["action": "rate", "satisfaction": ["level": "satisfied", "score": 5, "comment": "很快"]])
            try await move(requester.token, "2026-11-23 11:07", ["action": "confirm"])

            // when
            let forbidden = try await api.call(.get, path + "/review", token: agent.token)
            let review = try await api.call(.get, path + "/review", token: supervisor.token)

            // then
            #expect(forbidden.status == .forbidden)
            #expect(review.status == .ok, "\(review.json)")
            #expect(review["policyVersion"] as? Int == 1)
            let record = try #require(review["review"] as? [String: Any])
            #expect(record["status"] as? String == "confirmed")
            #expect(record["solution"] as? String == "升级客户端")
            let response = try #require(record["response"] as? [String: Any])
            #expect(response["usedMinutes"] as? Int == 5)
            #expect(response["targetMinutes"] as? Int == 24 * 60)  // P3: 24 business hours
            #expect(response["met"] as? Bool == true)
            let resolution = try #require(record["resolution"] as? [String: Any])
            #expect(resolution["usedMinutes"] as? Int == 25)  // 55 minutes less the 30 paused
            #expect(resolution["targetMinutes"] as? Int == 3 * 8 * 60)  // 3 working days of 8 hours
            #expect(resolution["mode"] as? String == "business")
            #expect((record["pauses"] as? [[String: Any]])?.first?["minutes"] as? Int == 30)
            #expect((record["breaches"] as? [Any])?.isEmpty == true)
            #expect((record["satisfaction"] as? [String: Any])?["score"] as? Int == 5)
            #expect(record["confirmedAt"] as? String == iso(Shanghai.date("2026-11-23 11:07")))
            #expect(record["reviewDueAt"] as? String == iso(Shanghai.date("2026-11-23 11:25")))

            // R5.5 nobody reviewed by 11:25: the supervisors are reminded, once
            api.clock.set(Shanghai.date("2026-11-23 11:26"))
            await Self.scheduler(api).tick()
            await Self.scheduler(api).tick()
            let inbox = try await api.call(.get, "/api/v1/notifications", token: supervisor.token)
            #expect(inbox.items.filter { $0["kind"] as? String == "review_due" }.count == 1)

            // the review and the close, then the record says who and when
            try await move(supervisor.token, "2026-11-23 11:40", ["action": "review"])
            try await move(supervisor.token, "2026-11-23 11:41", ["action": "close"])
            let done = try await api.call(.get, path + "/review", token: supervisor.token)
            let closed = try #require(done["review"] as? [String: Any])
            #expect(closed["status"] as? String == "closed")
            #expect(closed["reviewedBy"] as? String == "boss")
            #expect(closed["closedAt"] as? String == iso(Shanghai.date("2026-11-23 11:41")))
        }
    }

    @Test("R5.5 the review minutes are an engine setting, refused outside 1…10000", arguments: TestStores.kinds)
    func reviewMinutesSetting(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let bad = try await api.call(.put, "/api/v1/admin/sla-engine", token: admin, json: ["reviewMinutes": 0])
            #expect(bad.status == .unprocessableContent)
            let saved = try await api.call(.put, "/api/v1/admin/sla-engine", token: admin, json: ["reviewMinutes": 45])
            #expect(saved.status == .ok, "\(saved.json)")
            #expect(saved["reviewMinutes"] as? Int == 45)
        }
    }
}
