import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Registration on the web (R1.7): the received time on the staff form, both times on the ticket page")
struct RegistrationWebTests {
    @Test(
        "R1.7 staff enter when a phone request came in; the page shows received and recorded; the check is a button",
        arguments: TestStores.kinds)
    func phoneTicket(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given
            let admin = try await api.token("admin")
            _ = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            _ = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let own = try await WebBrowser.signedIn(api, as: "xiaoming")
            #expect(!(try await own.get("/new")).html.contains("id=\"receivedAt\""))
            let agent = try await WebBrowser.signedIn(api, as: "ops")
            let form = try await agent.get("/new")
            #expect(form.html.contains("<input id=\"receivedAt\" name=\"receivedAt\" type=\"datetime-local\""))
            #expect(form.html.contains("留空即为现在"))
            let csrf = try #require(form.csrf)
            var fields = [
                "_csrf": csrf, "type": "consultation", "title": "报销流程咨询", "description": "电话咨询差旅报销流程",
                "detail_need": "报销流程", "detail_expected_result": "知道步骤", "impact": "low", "urgency": "medium",
                "contact": "8021", "requesterName": "张三", "channel": "phone", "receivedAt": "2026-11-23T09:20",
            ]

            // when: the call came in at 09:20 and is recorded at 10:00
            let created = try await agent.post("/new", fields)

            // then
            let location = try #require(created.location)
            let number = String(location.dropFirst("/tickets/".count).dropLast("/submitted".count))
            let stored = try #require(try await api.store.ticket(number: number))
            #expect(stored.receivedAt == Shanghai.date("2026-11-23 09:20"))
            #expect(stored.submittedAt == api.clock.now)
            let page = try await agent.get("/tickets/\(number)")
            #expect(page.html.contains("id=\"ticket-received\">2026-11-23 09:20</dd>"))
            #expect(page.html.contains("id=\"ticket-recorded\">2026-11-23 10:00</dd>"))
            #expect(page.html.contains("id=\"ticket-matrix-version\">v1</dd>"))
            #expect(page.html.contains("id=\"ticket-information-check\">尚未核对</dd>"))
            #expect(page.html.contains("按优先级矩阵 v1 定级"))

            // when: the L1 confirms the information
            api.clock.advance(by: 600)
            let checked = try await agent.post(
                "/tickets/\(number)/information-check", ["_csrf": try #require(page.csrf), "version": "1"])
            #expect(checked.status == .seeOther)
            let after = try await agent.get("/tickets/\(number)")
            #expect(after.html.contains("id=\"ticket-information-check\">已核对 2026-11-23 10:10</dd>"))
            #expect(!after.html.contains("id=\"information-check-form\""))
            #expect(after.html.contains("信息已核对"))

            // a received time in the future is refused on the form, with the values kept
            fields["receivedAt"] = "2026-11-23T11:00"
            let refused = try await agent.post("/new", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("value=\"2026-11-23T11:00\""))
        }
    }
}
