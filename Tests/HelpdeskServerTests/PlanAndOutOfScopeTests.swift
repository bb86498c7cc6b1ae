import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Handling plan and out-of-scope requests")
struct PlanAndOutOfScopeTests {
    @Test(
        "R4.4 the handler's plan: internal for staff, public in plain words for the requester",
        arguments: TestStores.kinds)
    func plan(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let other = try await api.signUp("zhao.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)"
            for step: [String: Any] in [["action": "assign", "assigneeId": agent.id], ["action": "accept"]] {
                let token = step["action"] as? String == "assign" ? admin : agent.token
                #expect(try await api.call(.post, path + "/transitions", token: token, json: step).status == .ok)
            }
            // refusals: not the handler, blank steps, an ETA in the past, an unknown kind
            let plan: [String: Any] = ["kind": "temporary_fix", "steps": "重置 VPN 账号，密码：abc12345"]
            #expect(try await api.call(.put, path + "/plan", token: other.token, json: plan).status == .forbidden)
            #expect(try await api.call(.put, path + "/plan", token: owner.token, json: plan).status == .forbidden)
            let blank = try await api.call(
                .put, path + "/plan", token: agent.token, json: ["kind": "root_fix", "steps": " "])
            #expect(blank.errorCode == "field_required")
            let past = try await api.call(
                .put, path + "/plan", token: agent.token,
                json: ["kind": "root_fix", "steps": "更换证书", "eta": "2026-11-22T10:00:00+08:00"])
            #expect(past.errorCode == "invalid_value")
            let unknown = try await api.call(
                .put, path + "/plan", token: agent.token, json: ["kind": "guess", "steps": "x"])
            #expect(unknown.status == .badRequest)

            // an internal plan, with the password in it redacted
            let saved = try await api.call(.put, path + "/plan", token: agent.token, json: plan)
            let stored = try #require(saved["plan"] as? [String: Any])
            #expect(stored["visibility"] as? String == "internal" && stored["steps"] as? String == "重置 VPN 账号，密码：[已隐藏]")
            #expect(try await api.call(.get, path, token: owner.token)["plan"] == nil)
            let seenByOwner = try await api.call(.get, path + "/events", token: owner.token).items
            #expect(!seenByOwner.contains { $0["kind"] as? String == "plan" })

            // the handler makes it public on the web, with an ETA
            let handler = WebBrowser(api)
            try await handler.signIn("li.l1")
            let page = try await handler.get("/tickets/\(number)")
            #expect(page.html.contains("id=\"plan-form\""))
            let posted = try await handler.post(
                "/tickets/\(number)/plan",
                [
                    "_csrf": try #require(page.csrf), "kind": "root_fix", "steps": "更换 VPN 网关证书",
                    "eta": "2026-11-24T15:00", "support": "网络组配合", "public": "true",
                ])
            #expect(posted.location == "/tickets/\(number)")
            let requester = WebBrowser(api)
            try await requester.signIn("xiaoming")
            let portal = try await requester.get("/tickets/\(number)")
            #expect(portal.html.contains("我们的处理方案是：根本解决，预计在 2026-11-24 15:00 前完成。"))
            #expect(portal.html.contains("更换 VPN 网关证书") && !portal.html.contains("网络组配合"))
            #expect(!portal.html.contains("id=\"plan-form\""))
            let events = try await api.call(.get, path + "/events", token: owner.token).items
            #expect(events.filter { $0["kind"] as? String == "plan" }.count == 1)
        }
    }

    @Test(
        "R1.6 an out-of-scope request is closed politely with the reason, marked and still numbered",
        arguments: TestStores.kinds)
    func outOfScope(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)"
            // outOfScope belongs to close only
            let wrong = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "start", "outOfScope": true])
            #expect(wrong.errorCode == "invalid_value")
            let manager = WebBrowser(api)
            try await manager.signIn("admin")
            let page = try await manager.get("/tickets/\(number)")
            #expect(page.html.contains("id=\"close-out-of-scope\""))
            let closed = try await manager.post(
                "/tickets/\(number)/actions",
                [
                    "_csrf": try #require(page.csrf), "action": "close", "reason": "个人手机维修不属于公司 IT 支持范围",
                    "outOfScope": "true",
                ])
            #expect(closed.location == "/tickets/\(number)")
            let ticket = try await api.call(.get, path, token: admin)
            #expect(ticket["status"] as? String == "closed" && ticket["outOfScope"] as? Bool == true)
            #expect(ticket["closeReason"] as? String == "个人手机维修不属于公司 IT 支持范围")
            #expect(try await manager.get("/tickets/\(number)").html.contains("id=\"ticket-out-of-scope\""))
            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            await scheduler.tick()
            let inbox = try await api.call(.get, "/api/v1/notifications", token: owner.token).items
            let notice = try #require(inbox.first { $0["kind"] as? String == "out_of_scope" })
            #expect((notice["body"] as? String)?.contains("个人手机维修不属于公司 IT 支持范围") == true)
            // an ordinary close is not out of scope
            let second = try await api.submitVPNTicket(owner.token)
            _ = try await api.call(
                .post, "/api/v1/tickets/\(second)/transitions", token: admin,
                json: ["action": "close", "reason": "重复提交"])
            #expect(try await api.call(.get, "/api/v1/tickets/\(second)", token: admin)["outOfScope"] as? Bool == false)
        }
    }
}
