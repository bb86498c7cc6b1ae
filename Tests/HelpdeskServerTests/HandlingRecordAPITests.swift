import Foundation
import HelpdeskTestSupport
import Testing

@Suite("Work log, workaround, priority and category through the API")
struct HandlingRecordAPITests {
    @Test(
        "R4.5 R4.6 R2.3 internal notes stay internal; a public reply meets the response target; priority needs a reason",
        arguments: TestStores.kinds)
    func handlingRecord(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 09:00")) { api in
            // given: a P2 ticket (low impact × high urgency) from a requester, in 运维组
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let manager = try await api.signUp("pm", role: "problem_manager", admin: admin)
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "type": "fault", "title": "邮箱收不到邮件", "description": "从昨天起收不到外部邮件", "impact": "low",
                    "urgency": "high", "categoryId": 6, "contact": "xiaoming@corp.example",
                    "details": [
                        "error_text": "550 mailbox unavailable", "steps": "外部发信", "environment": "Outlook 2021",
                    ],
                ])
            #expect(created["warnings"] as? [Any] != nil && (created["warnings"] as! [Any]).isEmpty)
            let number = (created["ticket"] as! [String: Any])["number"] as! String
            let path = "/api/v1/tickets/\(number)"

            // when / then: an internal note does not count as a response and the requester cannot see it
            api.clock.set(Shanghai.date("2026-11-23 09:10"))
            let note = try await api.call(
                .post, path + "/worklog", token: agent.token, json: ["body": "查看了邮件网关日志", "visibility": "internal"])
            #expect(note.status == .created)
            var ticket = try await api.call(.get, path, token: agent.token)
            #expect((ticket["sla"] as! [String: Any])["respondedAt"] == nil)
            api.clock.set(Shanghai.date("2026-11-23 09:20"))
            _ = try await api.call(
                .post, path + "/worklog", token: agent.token, json: ["body": "您好，正在排查，请稍候", "visibility": "public"])
            ticket = try await api.call(.get, path, token: agent.token)
            #expect(
                (ticket["sla"] as! [String: Any])["respondedAt"] as? String == iso(Shanghai.date("2026-11-23 09:20")))
            // requesters write public comments only
            let internalNote = try await api.call(
                .post, path + "/worklog", token: requester.token, json: ["body": "补充", "visibility": "internal"])
            #expect(internalNote.status == .forbidden)
            let comment = try await api.call(
                .post, path + "/worklog", token: requester.token, json: ["body": "补充：内部邮件正常"])
            #expect(comment["visibility"] as? String == "public")
            let seenByRequester = try await api.call(.get, path + "/events", token: requester.token)
            let bodies = seenByRequester.items.compactMap { $0["body"] as? String }
            #expect(bodies.contains("您好，正在排查，请稍候") && !bodies.contains("查看了邮件网关日志"))

            // workaround with ETA (R4.6)
            let workaround = try await api.call(
                .put, path + "/workaround", token: agent.token,
                json: [
                    "workaround": "临时使用网页版邮箱", "eta": iso(Shanghai.date("2026-11-24 18:00")),
                ])
            #expect(workaround["workaround"] as? String == "临时使用网页版邮箱")
            #expect(workaround["workaroundEta"] as? String == iso(Shanghai.date("2026-11-24 18:00")))

            // priority (R2.3): agents may not, the problem manager confirms or changes with a reason
            #expect(
                try await api.call(.put, path + "/priority", token: agent.token, json: ["priority": "P1"]).status
                    == .forbidden)
            let noReason = try await api.call(.put, path + "/priority", token: manager.token, json: ["priority": "P1"])
            #expect(noReason.errorCode == "reason_required")
            let raised = try await api.call(
                .put, path + "/priority", token: manager.token, json: ["priority": "P1", "reason": "影响对外业务"])
            #expect(raised["priority"] as? String == "P1" && raised["priorityConfirmed"] as? Bool == true)
            // R2.2 R4.2: a P1 is not core business (only P0 is), so the raise leaves it with L1
            #expect(raised["tier"] as? String == "L1")
            // P1 resolution: 8 business hours from 09:00 → 18:00 the same day (was 24 h for P2)
            #expect(
                (raised["sla"] as! [String: Any])["resolutionDueAt"] as? String
                    == iso(Shanghai.date("2026-11-23 18:00")))

            // category change re-routes (环境配置 → 系统故障/接口问题, 开发组)
            let moved = try await api.call(
                .put, path + "/category", token: manager.token,
                json: ["categoryId": 1, "subcategoryId": 4, "reason": "接口问题"])
            #expect(
                moved["categoryId"] as? Int == 1 && moved["subcategoryId"] as? Int == 4 && moved["groupId"] as? Int == 3
            )

            // escalation (R4.2) moves the ticket up a tier (L1 → L2) with the steps tried as the reason
            _ = try await api.call(
                .post, path + "/transitions", token: manager.token, json: ["action": "assign", "assigneeId": agent.id])
            let escalated = try await api.call(
                .post, path + "/transitions", token: agent.token,
                json: ["action": "escalate", "reason": "已检查网关与客户端，需二线排查"])
            #expect(escalated["tier"] as? String == "L2" && escalated["status"] as? String == "new")
        }
    }
}
