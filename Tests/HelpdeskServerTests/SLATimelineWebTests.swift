import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("The SLA timeline and extensions on the web")
struct SLATimelineWebTests {
    @Test(
        "R3.3 R3.5 the handler sees the timeline with its pause explained, asks for an extension, the supervisor approves it"
    )
    func timelineAndExtension() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: a ticket the L1 engineer handles, waiting on the requester for two working hours
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            _ = try await api.signUp("chen", role: "supervisor", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)/transitions"
            for step: [String: Any] in [
                ["action": "assign", "assigneeId": agent.id], ["action": "accept"],
                ["action": "wait", "reason": "请提供客户端版本"],
            ] {
                let token = step["action"] as? String == "assign" ? admin : agent.token
                #expect(try await api.call(.post, path, token: token, json: step).status == .ok)
            }
            api.clock.set(Shanghai.date("2026-11-23 12:00"))
            let handler = WebBrowser(api)
            try await handler.signIn("li.l1")
            // while paused, every text is filled in: no template placeholder left on the page (the
            // SLA badge once showed "{why} {duration}" when a timeline text reused its catalogue key)
            let paused = try await handler.get("/tickets/\(number)")
            #expect(paused.html.contains("仍在暂停"))
            #expect(paused.html.range(of: #"\{[a-z_]+\}"#, options: .regularExpression) == nil)
            #expect(try await api.call(.post, path, token: agent.token, json: ["action": "resume"]).status == .ok)
            // when
            let page = try await handler.get("/tickets/\(number)")
            // then
            #expect(page.html.contains("SLA 时间线") && page.html.contains("<svg class=\"sla-bar\""))
            #expect(page.html.contains("因“待客户配合”暂停 2小时0分"))
            #expect(page.html.contains("须在") && page.html.contains("前解决"))
            #expect(page.html.contains("id=\"extension-form\""))
            // the handler asks for an extension
            let asked = try await handler.post(
                "/tickets/\(number)/extensions",
                ["_csrf": try #require(page.csrf), "dueAt": "2026-11-30T18:00", "reason": "等待厂商补丁"])
            #expect(asked.location == "/tickets/\(number)")
            let pending = try await handler.get("/tickets/\(number)")
            #expect(pending.html.contains("待审批") && !pending.html.contains("id=\"extension-form\""))
            // the supervisor decides from the list
            let supervisor = WebBrowser(api)
            try await supervisor.signIn("chen")
            let list = try await supervisor.get("/extensions")
            #expect(list.html.contains("等待厂商补丁") && list.html.contains("href=\"/tickets/\(number)\""))
            let decided = try await supervisor.post(
                "/tickets/\(number)/extensions/1/decision?back=extensions",
                ["_csrf": try #require(list.csrf), "decision": "approve", "note": "同意"])
            #expect(decided.location == "/extensions")
            #expect(try await supervisor.get("/extensions").html.contains("没有待审批的延期申请"))
            let after = try await handler.get("/tickets/\(number)?lang=en")
            #expect(after.html.contains("SLA timeline") && after.html.contains("approved by chen"))
            // requesters see no timeline; agents have no extension list
            let requester = WebBrowser(api)
            try await requester.signIn("xiaoming")
            #expect(!(try await requester.get("/tickets/\(number)")).html.contains("sla-timeline"))
            #expect(try await handler.get("/extensions").status == .forbidden)
        }
    }

    @Test(
        "the ticket facts say 已响应 with the time only once the desk has responded, not before (it showed an empty one)")
    func respondedFact() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let handler = WebBrowser(api)
            try await handler.signIn("li.l1")
            // when
            let before = try await handler.get("/tickets/\(number)")
            let path = "/api/v1/tickets/\(number)/transitions"
            #expect(
                try await api.call(.post, path, token: admin, json: ["action": "assign", "assigneeId": agent.id]).status
                    == .ok)
            api.clock.set(Shanghai.date("2026-11-23 10:05"))
            #expect(try await api.call(.post, path, token: agent.token, json: ["action": "accept"]).status == .ok)
            let after = try await handler.get("/tickets/\(number)")
            // then
            #expect(!before.html.contains("已响应"))
            #expect(after.html.contains("（已响应 2026-11-23 10:05）") || after.html.contains("(已响应 2026-11-23 10:05)"))
        }
    }
}
