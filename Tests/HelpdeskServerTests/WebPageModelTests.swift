import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

/// Each page model rendered once through the router: the values its typed fields carry reach the
/// HTML, and optionals, booleans and empty lists open and close their sections as they should.
@Suite("Web UI: typed page models")
struct WebPageModelTests {
    @Test(
        "login, new ticket, acknowledgement, my tickets, ticket page (in English), board and error pages",
        arguments: TestStores.kinds)
    func requesterAndHandlerPages(kind: StoreKind) async throws {
        // Saturday 10:00, outside service hours.
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-21 10:00")) { api in
            // given
            let admin = try await api.token("admin")
            _ = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let handler = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = WebBrowser(api)

            // when / then: LoginPage keeps the username after a refused sign-in, with the error.
            let refused = try await requester.signIn("xiaoming", "wrong-password")
            #expect(refused.html.contains("<p class=\"alert\" role=\"alert\">用户名或密码不正确。</p>"))
            #expect(refused.html.contains("required value=\"xiaoming\""))
            #expect(!(try await requester.get("/login")).html.contains("class=\"alert\""))
            _ = try await requester.signIn("xiaoming")

            // NewTicketPage: the current type's tab, no error until a submission is refused,
            // then the error and the posted values.
            let form = try await requester.get("/new?type=consultation")
            #expect(form.html.contains("aria-current=\"page\" class=\"current\">咨询</a>"))
            #expect(!form.html.contains("id=\"form-error\""))
            #expect(!form.html.contains("id=\"requesterName\""))
            let csrf = try #require(form.csrf)
            let refusedTicket = try await requester.post(
                "/new",
                ["_csrf": csrf, "type": "fault", "title": "", "description": "三楼打印机卡纸", "impact": "low"])
            #expect(refusedTicket.status == .unprocessableContent)
            #expect(refusedTicket.html.contains("id=\"form-error\""))
            #expect(refusedTicket.html.contains(">三楼打印机卡纸</textarea>"))
            #expect(refusedTicket.html.contains("<option value=\"low\" selected>"))

            // AcknowledgementPage: the number and, out of hours, when someone looks at it.
            let created = try await requester.post(
                "/new",
                [
                    "_csrf": csrf, "type": "fault", "title": "打印机无法打印", "description": "三楼打印机卡纸",
                    "detail_error_text": "E05", "impact": "low", "urgency": "medium", "contact": "8001",
                    "categoryId": "6",
                ])
            let location = try #require(created.location)
            let number = String(location.dropFirst("/tickets/".count).dropLast("/submitted".count))
            let ack = try await requester.get(location)
            #expect(ack.html.contains("id=\"ack-number\"><strong>\(number)</strong>"))
            #expect(ack.html.contains("id=\"ack-looked-at\">2026-11-23 09:00</dd>"))

            // QueuePage: a row per ticket; "my tickets" has refresh 0, which still opens the section.
            let mine = try await requester.get("/my")
            #expect(mine.html.contains("<a href=\"/tickets/\(number)\">打印机无法打印</a>"))
            #expect(mine.html.contains("<span class=\"badge status-new\">待处理</span>"))
            #expect(mine.html.contains("data-refresh=\"0\"") && !mine.html.contains("id=\"next-page\""))

            // TicketPage in English: facts, the SLA cell, the action forms and the history.
            api.clock.set(Shanghai.date("2026-11-23 09:10"))
            let agent = WebBrowser(api)
            _ = try await agent.signIn("ops")
            let ticket = try await agent.get("/tickets/\(number)?lang=en")
            #expect(ticket.html.contains("<html lang=\"en\">"))
            #expect(ticket.html.contains("id=\"ticket-title\">打印机无法打印</h1>"))
            #expect(ticket.html.contains("id=\"ticket-priority\">P3 Low</span>"))
            #expect(ticket.html.contains("id=\"ticket-status\">New</span>"))
            #expect(ticket.html.contains("class=\"badge sla-ok\" id=\"ticket-sla\">Response: "))
            #expect(ticket.html.contains("<option value=\"\(handler.id)\">ops (L1)</option>"))
            #expect(ticket.html.contains("class=\"primary\" id=\"do-start\""))
            #expect(ticket.html.contains("<strong>Submitted (graded under priority matrix v1)</strong>"))
            #expect(!ticket.html.contains("class=\"internal\""))
            _ = try await agent.post(
                "/tickets/\(number)/worklog",
                ["_csrf": try #require(ticket.csrf), "body": "查看中", "visibility": "internal"])
            let noted = try await agent.get("/tickets/\(number)?lang=en")
            #expect(noted.html.contains("<li class=\"internal\">"))
            #expect(noted.html.contains("<strong>Internal note</strong>"))

            // BoardPage and ErrorPage.
            let boss = WebBrowser(api)
            _ = try await boss.signIn("admin")
            let board = try await boss.get("/supervisor/board")
            #expect(board.html.contains("data-refresh=\"30\"") && board.html.contains("class=\"empty\""))
            let missing = try await boss.get("/tickets/TS00000000000")
            #expect(missing.status == .notFound && missing.html.contains("<span class=\"muted\">(404)</span>"))
            #expect(missing.html.contains("id=\"error-message\">未找到工单。</p>"))
        }
    }

    @Test(
        "the admin pages: users (one in English), groups, categories, calendars, SLA policy, settings",
        arguments: TestStores.kinds)
    func adminPages(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let boss = WebBrowser(api)
            _ = try await boss.signIn("admin")

            // when
            let users = try await boss.get("/admin/users")
            let edited = try await boss.get("/admin/users/\(agent.id)?lang=en")
            let groups = try await boss.get("/admin/groups")
            let categories = try await boss.get("/admin/categories")
            let calendars = try await boss.get("/admin/calendars")
            let policy = try await boss.get("/admin/sla")
            let settings = try await boss.get("/admin/settings")

            // then
            #expect(users.html.contains("<a href=\"/admin/users/\(agent.id)\">ops</a></td><td>ops</td><td>工程师 L1</td>"))
            #expect(users.html.contains("action=\"/admin/users\""))
            #expect(users.html.contains("minlength=\"8\" required>"))
            #expect(edited.html.contains("<html lang=\"en\">"))
            #expect(edited.html.contains("action=\"/admin/users/\(agent.id)\""))
            #expect(edited.html.contains("name=\"username\" required value=\"ops\""))
            #expect(edited.html.contains("value=\"1\" checked> Operations</label>"))
            #expect(edited.html.contains("<option value=\"L1\" selected>L1</option>"))
            #expect(edited.html.contains("<input type=\"checkbox\" name=\"active\" checked>"))
            #expect(
                groups.html.contains(
                    "<td>1</td><td lang=\"zh-CN\"><a href=\"/admin/groups/1\">运维组</a></td><td lang=\"en\">Operations</td>"
                ))
            #expect(
                categories.html.contains(
                    "<a href=\"/admin/categories/1\" lang=\"zh-CN\"><strong>系统故障</strong></a> <span class=\"muted\"><span lang=\"en\">System fault</span> 开发组</span>"
                ))
            #expect(calendars.html.contains("name=\"monday\" value=\"09:00-12:00, 13:00-18:00\""))
            #expect(calendars.html.contains("name=\"workingDayMinutes\" type=\"number\" min=\"1\" value=\"480\""))
            #expect(policy.html.contains("v1 · default</p>") && policy.html.contains("<option value=\"1\" selected>"))
            #expect(settings.html.contains("name=\"format\" value=\"TS{yyyyMMdd}{seq:3}\""))
            #expect(settings.html.contains("max=\"365\" value=\"7\""))
        }
    }
}
