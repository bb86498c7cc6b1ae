import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

/// R5.1 the verifier's section on the ticket page and the queue of tickets to verify; R5.5 the
/// supervisor's review page with its review and close; the admin's category setting.
@Suite("Verification and review on the web")
struct VerificationReviewWebTests {
    @Test(
        "R5.1 an admin marks a category, the verifier finds the ticket in the queue and fails, then passes it",
        arguments: TestStores.kinds)
    func verification(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: the admin ticks the setting on 环境配置 (category 6)
            let admin = try await api.token("admin")
            let console = try await WebBrowser.signedIn(api)
            let form = try await console.get("/admin/categories/6")
            #expect(form.html.contains("id=\"c-verify\""))
            let saved = try await console.post(
                "/admin/categories/6",
                [
                    "_csrf": try #require(form.csrf), "name": "环境配置", "nameEn": "Environment configuration",
                    "defaultGroupId": "1", "sortOrder": "2", "active": "on", "requiresVerification": "on",
                ])
            #expect(saved.location == "/admin/categories")
            let tree = try await console.get("/admin/categories")
            #expect(tree.html.contains("需内部验证"))
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let li = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            _ = try await api.signUp("wang.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)/transitions"
            _ = try await api.call(.post, path, token: admin, json: ["action": "assign", "assigneeId": li.id])
            _ = try await api.call(.post, path, token: li.token, json: ["action": "accept"])
            api.clock.set(Shanghai.date("2026-11-23 10:10"))
            let resolved = try await api.call(
                .post, path, token: li.token, json: ["action": "resolve", "solution": "重新下发 VPN 证书"])
            #expect(resolved["status"] as? String == "verifying")

            // when: the resolver opens the ticket: the section says someone else verifies it
            let handler = try await WebBrowser.signedIn(api, as: "li.l1")
            let own = try await handler.get("/tickets/\(number)")
            #expect(own.html.contains("id=\"verification\"") && own.html.contains("id=\"verification-other\""))
            #expect(!own.html.contains("id=\"verification-form\""))
            #expect(!own.html.contains("id=\"do-verify\""))  // not among the generic actions

            // the second engineer finds it in the queue of tickets to verify
            let verifier = try await WebBrowser.signedIn(api, as: "wang.l1")
            let queue = try await verifier.get("/queues/verification")
            #expect(queue.status == .ok && queue.html.contains(number))
            let page = try await verifier.get("/tickets/\(number)")
            #expect(page.html.contains("id=\"verification-form\"") && page.html.contains("待验证"))
            // a failed check without a reason is refused, with one it goes back
            let refused = try await verifier.post(
                "/tickets/\(number)/verification", ["_csrf": try #require(page.csrf), "passed": "false"])
            #expect(refused.status == .unprocessableContent)
            api.clock.set(Shanghai.date("2026-11-23 10:15"))
            let failed = try await verifier.post(
                "/tickets/\(number)/verification",
                ["_csrf": try #require(page.csrf), "passed": "false", "reason": "家中网络仍连不上"])
            #expect(failed.location == "/tickets/\(number)")
            let back = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(back["status"] as? String == "in_progress")

            // the requester's page says nothing of the solution while it is checked
            api.clock.set(Shanghai.date("2026-11-23 10:20"))
            _ = try await api.call(.post, path, token: li.token, json: ["action": "resolve", "solution": "更换客户端"])
            let requester = try await WebBrowser.signedIn(api, as: "xiaoming")
            let portal = try await requester.get("/tickets/\(number)")
            #expect(portal.html.contains("待验证") && !portal.html.contains("更换客户端"))
            #expect(!portal.html.contains("id=\"verification\""))

            // then: passed, the ticket is resolved and the requester sees the solution
            let again = try await verifier.get("/tickets/\(number)")
            let passed = try await verifier.post(
                "/tickets/\(number)/verification", ["_csrf": try #require(again.csrf), "passed": "true"])
            #expect(passed.location == "/tickets/\(number)")
            let after = try await verifier.get("/tickets/\(number)")
            #expect(after.html.contains("id=\"verification-state\">内部验证已通过"))
            let told = try await requester.get("/tickets/\(number)")
            #expect(told.html.contains("更换客户端") && told.html.contains("已解决"))
        }
    }

    @Test(
        "R5.5 the supervisor's review page: figures, feedback, review and close from the page",
        arguments: TestStores.kinds)
    func reviewPage(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: a resolved and rated ticket
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            _ = try await api.signUp("boss", role: "supervisor", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)/transitions"
            _ = try await api.call(.post, path, token: admin, json: ["action": "start"])
            api.clock.set(Shanghai.date("2026-11-23 10:20"))
            _ = try await api.call(.post, path, token: admin, json: ["action": "resolve", "solution": "升级客户端"])
            _ = try await api.call(
                .post, path, token: owner.token,
                json: ["action": "rate", "satisfaction": ["level": "satisfied", "score": 4, "comment": "很快"]])
            let supervisor = try await WebBrowser.signedIn(api, as: "boss")
            let ticketPage = try await supervisor.get("/tickets/\(number)")
            #expect(ticketPage.html.contains("href=\"/tickets/\(number)/review\""))

            // when: 11:00, past the 30 working minutes
            api.clock.set(Shanghai.date("2026-11-23 11:00"))
            let page = try await supervisor.get("/tickets/\(number)/review")

            // then
            #expect(page.status == .ok)
            #expect(page.html.contains("升级客户端"))
            #expect(page.html.contains("id=\"review-figures\""))
            #expect(page.html.contains("20分钟"))  // resolution used
            #expect(page.html.contains("满意 · 4/5") && page.html.contains("很快"))
            #expect(page.html.contains("用户尚未确认"))
            #expect(page.html.contains("id=\"review-due\"") && page.html.contains("已超时"))
            #expect(page.html.contains("id=\"review-action-review\""))
            let other = try await WebBrowser.signedIn(api, as: "admin")
            #expect(try await other.get("/tickets/\(number)/review").status == .ok)
            let requester = try await WebBrowser.signedIn(api, as: "xiaoming")
            #expect(try await requester.get("/tickets/\(number)/review").status == .forbidden)

            // the review and the close from the page come back to it
            let reviewed = try await supervisor.post(
                "/tickets/\(number)/actions?back=review", ["_csrf": try #require(page.csrf), "action": "review"])
            #expect(reviewed.location == "/tickets/\(number)/review")
            let next = try await supervisor.get("/tickets/\(number)/review")
            #expect(next.html.contains("id=\"review-reviewed\"") && next.html.contains("id=\"review-action-close\""))
            let closed = try await supervisor.post(
                "/tickets/\(number)/actions?back=review", ["_csrf": try #require(next.csrf), "action": "close"])
            #expect(closed.location == "/tickets/\(number)/review")
            let done = try await supervisor.get("/tickets/\(number)/review")
            #expect(done.html.contains("id=\"review-closed\"") && !done.html.contains("id=\"review-action-close\""))
        }
    }

    @Test("R5.5 the review minutes are on the SLA engine settings page")
    func engineSetting() async throws {
        try await APIHarness.run(.sqlite) { api in
            let console = try await WebBrowser.signedIn(api)
            let page = try await console.get("/admin/sla-engine")
            #expect(page.html.contains("name=\"reviewMinutes\"") && page.html.contains("value=\"30\""))
        }
    }
}
