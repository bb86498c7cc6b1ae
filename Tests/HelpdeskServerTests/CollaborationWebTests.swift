import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Collaboration, approval and breach cause on the web")
struct CollaborationWebTests {
    @Test("R4.7 R4.8 R3.4 the handler asks another group, the collaborator answers, the requester approves a change")
    func collaborationAndApproval() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: a ticket of group 1 that the L1 engineer works on
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            _ = try await api.signUp("net", role: "agent", tier: "L2", groups: [4], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            for step: [String: Any] in [["action": "assign", "assigneeId": agent.id], ["action": "accept"]] {
                let token = step["action"] as? String == "assign" ? admin : agent.token
                #expect(
                    try await api.call(.post, "/api/v1/tickets/\(number)/transitions", token: token, json: step).status
                        == .ok)
            }
            let handler = WebBrowser(api)
            try await handler.signIn("li.l1")
            var page = try await handler.get("/tickets/\(number)")
            #expect(page.html.contains("id=\"ask-form\"") && !page.html.contains("id=\"breach-cause-form\""))
            // when the handler asks group 4
            let asked = try await handler.post(
                "/tickets/\(number)/collaborators",
                ["_csrf": try #require(page.csrf), "groupId": "4", "contact": "网络组值班", "question": "VPN 网关有告警吗？"])
            #expect(asked.location == "/tickets/\(number)")
            // then the collaborator opens the ticket and answers
            let network = WebBrowser(api)
            try await network.signIn("net")
            let seen = try await network.get("/tickets/\(number)")
            #expect(seen.status == .ok && seen.html.contains("VPN 网关有告警吗？") && seen.html.contains("send-answer-1"))
            let answered = try await network.post(
                "/tickets/\(number)/collaborators/1/answer", ["_csrf": try #require(seen.csrf), "answer": "网关正常"])
            #expect(answered.location == "/queues/mine")
            page = try await handler.get("/tickets/\(number)")
            #expect(page.html.contains("网关正常") && page.html.contains("id=\"approval-request-form\""))
            // the handler asks the requester to approve a change; the requester approves in their portal
            let requested = try await handler.post(
                "/tickets/\(number)/approval",
                ["_csrf": try #require(page.csrf), "change": "重置 VPN 证书并重启网关", "approverId": ""])
            #expect(requested.location == "/tickets/\(number)")
            let requester = WebBrowser(api)
            try await requester.signIn("xiaoming")
            let portal = try await requester.get("/tickets/\(number)")
            #expect(portal.html.contains("重置 VPN 证书并重启网关") && portal.html.contains("id=\"approve-change\""))
            #expect(!portal.html.contains("id=\"ask-form\""))
            _ = try await requester.post(
                "/tickets/\(number)/approval/decision", ["_csrf": try #require(portal.csrf), "decision": "approve"])
            let status = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(status["status"] as? String == "in_progress")
            #expect((status["approval"] as? [String: Any])?["status"] as? String == "approved")
            // a breach (the engine escalates it away from L1): a supervisor records its cause
            api.clock.set(Shanghai.date("2026-11-27 10:00"))
            _ = try await api.store.fireDueTimers(now: api.clock.now, limit: 100)
            let manager = WebBrowser(api)
            try await manager.signIn("admin")
            let breached = try await manager.get("/tickets/\(number)")
            #expect(breached.html.contains("id=\"breach-cause-form\""))
            _ = try await manager.post(
                "/tickets/\(number)/breach-cause", ["_csrf": try #require(breached.csrf), "cause": "等待厂商补丁"])
            let recorded = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(recorded["breachCause"] as? String == "等待厂商补丁")
        }
    }
}
