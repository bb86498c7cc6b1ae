import Foundation
import HelpdeskTestSupport
import Testing

@Suite("A ticket's whole life through the API")
struct TicketLifecycleAPITests {
    @Test(
        "R4.9 R5.2 R5.3 R5.5 create → assign → accept → wait → resume → resolve → reject → resolve → confirm + rate → review → close",
        arguments: TestStores.kinds)
    func wholeLife(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-20 16:00")) { api in
            // given: a requester, an L1 agent in 运维组 (group 1), a problem manager and a supervisor
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let manager = try await api.signUp("pm", role: "problem_manager", admin: admin)
            let supervisor = try await api.signUp("boss", role: "supervisor", admin: admin)

            // when: Friday 16:00 the requester reports a P1 (medium impact × high urgency), business time
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "title": "财务系统无法登录", "description": "3 名销售无法录入客户", "impact": "medium", "urgency": "high",
                    "categoryId": 6, "contact": "13812345678",
                ])
            #expect(created.status == .created)
            let ticket = created["ticket"] as! [String: Any]
            let number = ticket["number"] as! String
            #expect(number == "TS20261120001")
            #expect(ticket["priority"] as? String == "P1")
            #expect(ticket["groupId"] as? Int == 1)  // 环境配置 routes to 运维组
            // R1.5 acknowledgement: 4 business hours → Monday 11:00; 8 → Monday 16:00
            let ack = created["acknowledgement"] as! [String: Any]
            #expect(ack["responseDueAt"] as? String == iso(Shanghai.date("2026-11-23 11:00")))
            #expect(ack["resolutionDueAt"] as? String == iso(Shanghai.date("2026-11-23 16:00")))
            #expect((ack["message"] as? String)?.contains(number) == true)

            func move(_ token: String, _ at: String, _ body: [String: Any]) async throws -> [String: Any] {
                api.clock.set(Shanghai.date(at))
                let response = try await api.call(
                    .post, "/api/v1/tickets/\(number)/transitions", token: token, json: body)
                #expect(response.status == .ok, "\(body["action"]!) → \(response.json)")
                return response.json
            }
            func sla(_ json: [String: Any]) -> [String: Any] { json["sla"] as! [String: Any] }

            // R4.2 the L1 engineer solves it within L1's 30 running minutes (15 on Friday, 10 + 4 on
            // Monday; paused and resolved time do not count), so it never leaves L1.
            _ = try await move(manager.token, "2026-11-20 16:05", ["action": "assign", "assigneeId": agent.id])
            let accepted = try await move(agent.token, "2026-11-20 16:10", ["action": "accept"])
            #expect(sla(accepted)["respondedAt"] as? String == iso(Shanghai.date("2026-11-20 16:10")))
            #expect(sla(accepted)["responseBreached"] as? Bool == false)

            // R3.3 the clock pauses while waiting on the requester, over the weekend
            let waiting = try await move(agent.token, "2026-11-20 16:15", ["action": "wait", "reason": "请提供报错截图"])
            #expect(waiting["status"] as? String == "waiting_on_requester")
            #expect(sla(waiting)["paused"] as? Bool == true)
            api.clock.set(Shanghai.date("2026-11-21 12:00"))
            let saturday = try await api.call(.get, "/api/v1/tickets/\(number)", token: agent.token)
            #expect(sla(saturday.json)["paused"] as? Bool == true)
            #expect(sla(saturday.json)["pausedMinutes"] as? Int == 19 * 60 + 45)
            #expect(sla(saturday.json)["resolutionRemainingMinutes"] as? Int == 7 * 60 + 45)

            // resumed Monday 10:00: 15 minutes used, 7¾ business hours left → Tuesday 09:45
            let resumed = try await move(requester.token, "2026-11-23 10:00", ["action": "resume"])
            #expect(resumed["status"] as? String == "in_progress")
            #expect(sla(resumed)["resolutionDueAt"] as? String == iso(Shanghai.date("2026-11-24 09:45")))

            let resolved = try await move(
                agent.token, "2026-11-23 10:10",
                [
                    "action": "resolve", "solution": "重置了账号锁定状态", "rootCause": "密码多次输错被锁定",
                ])
            #expect(sla(resolved)["resolvedAt"] as? String == iso(Shanghai.date("2026-11-23 10:10")))

            // R5.2 not solved: reopens with the reason; the 10 minutes spent resolved do not count:
            // 25 minutes used, 7 h 35 min left from 10:20 → Tuesday 09:55
            let rejected = try await move(
                requester.token, "2026-11-23 10:20", ["action": "reject", "reason": "仍然无法登录"])
            #expect(rejected["status"] as? String == "in_progress")
            #expect(sla(rejected)["resolvedAt"] == nil)
            #expect(sla(rejected)["resolutionDueAt"] as? String == iso(Shanghai.date("2026-11-24 09:55")))

            _ = try await move(agent.token, "2026-11-23 10:24", ["action": "resolve", "solution": "清理了浏览器缓存并重置密码"])
            let confirmed = try await move(requester.token, "2026-11-23 14:30", ["action": "confirm"])
            #expect(confirmed["status"] as? String == "confirmed")
            let rated = try await move(
                requester.token, "2026-11-23 14:31",
                [
                    "action": "rate", "satisfaction": ["level": "satisfied", "score": 5, "comment": "响应很快"],
                ])
            #expect((rated["satisfaction"] as? [String: Any])?["score"] as? Int == 5)
            #expect(sla(rated)["resolutionBreached"] as? Bool == false)
            _ = try await move(supervisor.token, "2026-11-23 15:00", ["action": "review"])
            let closed = try await move(supervisor.token, "2026-11-23 15:10", ["action": "close"])

            // then
            #expect(closed["status"] as? String == "closed")
            #expect(closed["tier"] as? String == "L1")
            let events = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: supervisor.token)
            let moves = events.items.compactMap { $0["action"] as? String }
            // R2.2 a P1 is not core business: nothing moved it to L2 at intake (R4.2).
            #expect(
                moves == [
                    "assign", "accept", "wait", "resume", "resolve", "reject", "resolve", "confirm", "rate", "review",
                    "close",
                ])
            let reject = events.items.first { $0["action"] as? String == "reject" }!
            #expect(reject["reason"] as? String == "仍然无法登录")
            #expect(reject["fromStatus"] as? String == "resolved" && reject["toStatus"] as? String == "in_progress")
            #expect(reject["actorName"] as? String == "王小明")
        }
    }

    @Test(
        "If-Match: a change based on a stale version is refused with 409 version_conflict", arguments: TestStores.kinds)
    func optimisticConcurrency(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let created = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: [
                    "title": "网络中断", "description": "二楼无线网络不可用", "impact": "medium", "urgency": "medium",
                    "contact": "8002",
                ])
            let path = "/api/v1/tickets/" + ((created["ticket"] as! [String: Any])["number"] as! String)
            let seen = try await api.call(.get, path, token: admin)
            #expect(seen.headers[.eTag] == "\"1\"")
            let first = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "start"], ifMatch: "\"1\"")
            #expect(first.status == .ok && first["version"] as? Int == 2)
            let stale = try await api.call(
                .put, path + "/workaround", token: admin, json: ["workaround": "使用有线网络"], language: "en",
                ifMatch: "W/\"1\"")
            #expect(stale.status == .conflict && stale.errorCode == "version_conflict")
            #expect(stale.errorMessage == "Someone changed the ticket meanwhile (now version 2); reload and try again.")
            #expect(
                try await api.call(.put, path + "/workaround", token: admin, json: ["workaround": "x"], ifMatch: "abc")
                    .status == .badRequest)
            let fresh = try await api.call(
                .put, path + "/workaround", token: admin, json: ["workaround": "使用有线网络"], ifMatch: "2")
            #expect(fresh.status == .ok && fresh["version"] as? Int == 3)
        }
    }

    @Test(
        "R4.9 an illegal move is a 409 with a machine-readable code and a localised message",
        arguments: TestStores.kinds)
    func illegalMove(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let created = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: [
                    "title": "打印机卡纸", "description": "三楼打印机", "impact": "low", "urgency": "low", "contact": "8001",
                ])
            let number = (created["ticket"] as! [String: Any])["number"] as! String
            let chinese = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin, json: ["action": "confirm"])
            #expect(chinese.status == .conflict)
            #expect(chinese.errorCode == "illegal_transition")
            #expect(chinese.errorMessage == "工单当前状态为“待处理”，不能执行“确认已解决”。")
            let english = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin, json: ["action": "review"],
                language: "en-US,en;q=0.8")
            #expect(english.errorMessage == "The ticket is \"New\"; \"Review\" is not possible now.")
            let noReason = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin, json: ["action": "close"])
            #expect(noReason.status == .unprocessableContent && noReason.errorCode == "reason_required")
            // R1.6 out-of-scope requests are closed politely with a reason, still numbered
            let outOfScope = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin,
                json: ["action": "close", "reason": "非技术支持范围"])
            #expect(outOfScope["status"] as? String == "closed" && outOfScope["closeReason"] as? String == "非技术支持范围")
        }
    }
}
