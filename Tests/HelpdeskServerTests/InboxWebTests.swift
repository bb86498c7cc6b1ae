import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("The inbox on the web, for every role")
struct InboxWebTests {
    @Test("a requester sees the unread count in the header, reads the notice, follows it and marks it read")
    func requesterInbox() async throws {
        try await APIHarness.run(.sqlite) { api in
            // given: the requester's ticket resolved, and the notice dispatched to the inbox
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            for step: [String: Any] in [["action": "assign", "assigneeId": 1], ["action": "accept"]] {
                #expect(
                    try await api.call(.post, "/api/v1/tickets/\(number)/transitions", token: admin, json: step).status
                        == .ok)
            }
            let resolved = try await api.call(
                .post, "/api/v1/tickets/\(number)/transitions", token: admin,
                json: ["action": "resolve", "solution": "已重置 VPN 证书", "rootCause": "证书过期"])
            #expect(resolved.status == .ok, "\(resolved.json)")
            _ = try await api.store.dispatchNotifications(now: api.clock.now, limit: 10, email: false)
            let browser = WebBrowser(api)
            try await browser.signIn("xiaoming")
            // when
            let home = try await browser.get("/my")
            let inbox = try await browser.get("/notifications")
            // then
            #expect(home.html.contains("id=\"unread-count\"") && home.html.contains(">1</span>"))
            #expect(inbox.status == .ok)
            #expect(inbox.html.contains("href=\"/tickets/\(number)\""))
            #expect(inbox.html.contains("已解决"))
            let marked = try await browser.post("/notifications/read", ["_csrf": try #require(inbox.csrf)])
            #expect(marked.location == "/notifications")
            let after = try await browser.get("/notifications?unread=true")
            #expect(!after.html.contains("id=\"unread-count\"") && after.html.contains("暂无通知"))
            let english = try await browser.get("/notifications?lang=en")
            #expect(english.html.contains("Notifications") && english.html.contains(number))
            // a form without the session's token is refused
            #expect(try await browser.post("/notifications/read", [:]).status == .forbidden)
        }
    }
}
