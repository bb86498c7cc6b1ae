import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// The SLA engine over HTTP: extensions and their approval, the breach cause, the explainable
/// timeline, the inbox, collaboration, approval of major changes, major incidents and the
/// out-of-hours acknowledgement.
@Suite("SLA engine API")
struct EngineAPITests {
    @Test(
        "R3.5 R3.4 R8.3 extension moves the due time, the requester is told; timeline and inbox explain it",
        arguments: TestStores.kinds)
    func extensionTimelineInbox(kind: StoreKind) async throws {
        // Saturday 10:00: outside service hours.
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-21 10:00")) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li", role: "agent", tier: "L1", admin: admin)
            let boss = try await api.signUp("boss", role: "supervisor", admin: admin)
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "title": "报表导出失败", "description": "月度报表导出为空", "impact": "low", "urgency": "high",
                    "contact": "8001",
                ])
            let ack = try #require(created["acknowledgement"] as? [String: Any])
            #expect(ack["outsideServiceHours"] as? Bool == true)
            #expect(ack["lookedAtFrom"] as? String == iso(Shanghai.date("2026-11-23 09:00")))
            #expect((ack["message"] as? String)?.contains("2026-11-23 09:00 开始处理") == true)
            let number = try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            let path = "/api/v1/tickets/\(number)"
            // P2 (low × high): resolution 24 business hours from Monday 09:00 → Wednesday 18:00.
            api.clock.set(Shanghai.date("2026-11-23 09:00"))
            _ = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "assign", "assigneeId": agent.id])
            _ = try await api.call(.post, path + "/transitions", token: agent.token, json: ["action": "accept"])

            // The handler asks for Thursday 12:00; a requester may not, a too-early date is refused.
            let early = try await api.call(
                .post, path + "/extensions", token: agent.token,
                json: [
                    "dueAt": iso(Shanghai.date("2026-11-24 10:00")), "reason": "等待厂商补丁",
                ])
            #expect(early.status == .unprocessableContent && early.errorCode == "extension_not_later")
            let requested = try await api.call(
                .post, path + "/extensions", token: agent.token,
                json: [
                    "dueAt": iso(Shanghai.date("2026-11-26 12:00")), "reason": "等待厂商补丁",
                ])
            #expect(requested.status == .ok)
            let pending = try await api.call(.get, "/api/v1/extensions", token: boss.token)
            #expect(pending.items.count == 1 && pending.items[0]["number"] as? String == number)
            let forbidden = try await api.call(
                .post, path + "/extensions/1/decision", token: agent.token, json: ["approve": true])
            #expect(forbidden.status == .forbidden)
            let approved = try await api.call(
                .post, path + "/extensions/1/decision", token: boss.token, json: ["approve": true])
            let sla = try #require(approved["sla"] as? [String: Any])
            #expect(sla["resolutionDueAt"] as? String == iso(Shanghai.date("2026-11-26 12:00")))
            let record = try #require((approved["extensions"] as? [[String: Any]])?.first)
            #expect(record["status"] as? String == "approved")
            #expect(record["originalDueAt"] as? String == iso(Shanghai.date("2026-11-25 18:00")))

            // The timeline shows the policy, the counted periods and the extension.
            api.clock.set(Shanghai.date("2026-11-23 15:00"))
            let timeline = try await api.call(.get, path + "/sla", token: boss.token)
            #expect(timeline["policyVersion"] as? Int == 1 && timeline["timeZone"] as? String == "Asia/Shanghai")
            let explanation = try #require(timeline["explanation"] as? [String: Any])
            #expect(explanation["extensionMinutes"] as? Int == 180)  // Wed 18:00 → Thu 12:00: Thursday 09–12
            #expect(explanation["countedMinutes"] as? Int == 5 * 60)
            let counted = try #require(explanation["counted"] as? [[String: Any]])
            #expect(counted.map { $0["minutes"] as? Int } == [180, 120])
            let upcoming = try #require(explanation["upcoming"] as? [[String: Any]])
            #expect(
                upcoming.contains {
                    $0["timer"] as? String == "resolution_breach"
                        && $0["at"] as? String == iso(Shanghai.date("2026-11-26 12:00"))
                })
            #expect(try await api.call(.get, path + "/sla", token: requester.token).status == .forbidden)

            // A breach cause is recorded for reports.
            let cause = try await api.call(.put, path + "/breach-cause", token: agent.token, json: ["cause": "厂商补丁延迟"])
            #expect(cause["breachCause"] as? String == "厂商补丁延迟")

            // The requester's inbox, in Chinese and in English, after the scheduler dispatched.
            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            await scheduler.tick()
            let inbox = try await api.call(.get, "/api/v1/notifications", token: requester.token)
            let told = try #require(inbox.items.first { $0["kind"] as? String == "extension_approved" })
            #expect((told["title"] as? String)?.contains("2026-11-26 12:00") == true)
            #expect(inbox["unread"] as? Int == 1)
            let english = try await api.call(.get, "/api/v1/notifications", token: requester.token, language: "en")
            #expect((english.items.first?["title"] as? String)?.hasPrefix("Deadline moved to") == true)
            let marked = try await api.call(.post, "/api/v1/notifications/read", token: requester.token, json: [:])
            #expect(marked["marked"] as? Int == 1)
            let agentInbox = try await api.call(.get, "/api/v1/notifications?unread=true", token: agent.token)
            #expect(agentInbox.items.contains { $0["kind"] as? String == "assigned" })
        }
    }

    @Test(
        "R4.7 R4.8 R8.2 collaboration, approval of a major change, major incident with links and broadcast",
        arguments: TestStores.kinds)
    func collaborationApprovalMajorIncident(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let other = try await api.signUp("xiaohong", role: "requester", admin: admin)
            let agent = try await api.signUp("li", role: "agent", tier: "L2", groups: [1], admin: admin)
            let network = try await api.signUp("wang", role: "agent", tier: "L2", groups: [4], admin: admin)
            let boss = try await api.signUp("boss", role: "supervisor", admin: admin)
            func open(_ token: String, _ title: String) async throws -> String {
                let created = try await api.call(
                    .post, "/api/v1/tickets", token: token,
                    json: [
                        "title": title, "description": "无法访问", "impact": "low", "urgency": "medium", "contact": "8001",
                    ])
                return try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            }
            let major = try await open(requester.token, "邮件系统全部中断")
            let duplicate = try await open(other.token, "收不到邮件")
            let path = "/api/v1/tickets/\(major)"
            _ = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "assign", "assigneeId": agent.id])
            _ = try await api.call(.post, path + "/transitions", token: agent.token, json: ["action": "accept"])

            // Collaboration: the network group is asked; the supervisor names it the lead.
            let asked = try await api.call(
                .post, path + "/collaborators", token: agent.token,
                json: [
                    "groupId": 4, "contact": "王工", "question": "防火墙是否拦截了 SMTP？",
                ])
            #expect(
                (asked["collaborations"] as? [[String: Any]])?.first?["dueAt"] as? String
                    == iso(Shanghai.date("2026-11-24 10:00")))
            let lead = try await api.call(.put, path + "/lead-group", token: boss.token, json: ["groupId": 4])
            #expect(lead["leadGroupId"] as? Int == 4)
            let answered = try await api.call(
                .post, path + "/collaborators/1/answer", token: network.token, json: ["answer": "已放行 25 端口"])
            #expect((answered["collaborations"] as? [[String: Any]])?.first?["answer"] as? String == "已放行 25 端口")

            // Approval: work stops until the requester approves; resume is refused meanwhile.
            let waiting = try await api.call(.post, path + "/approval", token: agent.token, json: ["change": "重启邮件集群"])
            #expect(waiting["status"] as? String == "blocked")
            #expect((waiting["availableActions"] as? [String])?.contains("resume") == false)
            let resume = try await api.call(
                .post, path + "/transitions", token: agent.token, json: ["action": "resume"])
            #expect(resume.errorCode == "approval_pending")
            let approved = try await api.call(
                .post, path + "/approval/decision", token: requester.token, json: ["approve": true])
            #expect(approved["status"] as? String == "in_progress")

            // Major incident: declared, the duplicate linked, an update broadcast, resolution cascades.
            #expect(try await api.call(.post, path + "/major-incident", token: agent.token).status == .forbidden)
            let declared = try await api.call(.post, path + "/major-incident", token: boss.token)
            #expect(declared["majorIncident"] as? Bool == true)
            let linked = try await api.call(.post, path + "/linked", token: boss.token, json: ["numbers": [duplicate]])
            #expect(linked.items.map { $0["number"] as? String } == [duplicate])
            let third = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: [
                    "title": "邮件发不出", "description": "销售部", "impact": "low", "urgency": "medium", "contact": "8003",
                    "majorIncident": major,
                ])
            #expect((third["ticket"] as? [String: Any])?["majorIncidentNumber"] as? String == major)
            let broadcast = try await api.call(
                .post, path + "/broadcasts", token: boss.token,
                json: [
                    "what": "邮件网关故障", "impact": "全公司邮件收发", "expectedRecovery": iso(Shanghai.date("2026-11-23 12:00")),
                ])
            #expect(broadcast.status == .ok)
            _ = try await api.call(
                .post, path + "/transitions", token: agent.token, json: ["action": "resolve", "solution": "更换邮件网关证书"])
            let dup = try await api.call(.get, "/api/v1/tickets/\(duplicate)", token: other.token)
            #expect(dup["status"] as? String == "resolved" && dup["solution"] as? String == "更换邮件网关证书")

            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            await scheduler.tick()
            let inbox = try await api.call(.get, "/api/v1/notifications", token: other.token)
            let kinds = inbox.items.compactMap { $0["kind"] as? String }
            #expect(kinds.contains("major_incident_update") && kinds.contains("major_incident_resolved"))
            let update = try #require(inbox.items.first { $0["kind"] as? String == "major_incident_update" })
            #expect((update["body"] as? String)?.contains("2026-11-23 12:00") == true)
        }
    }
}
