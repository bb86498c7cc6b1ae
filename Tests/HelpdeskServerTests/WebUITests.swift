import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Web UI: sessions, CSRF, pages, masking and attachments")
struct WebUITests {
    @Test(
        "sign-in sets a signed HttpOnly SameSite cookie; sign-out revokes the token behind it",
        arguments: TestStores.kinds)
    func session(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let browser = WebBrowser(api)
            #expect(try await browser.get("/tickets").status != .ok)
            #expect(try await browser.get("/queues/mine").location == "/login")
            let bad = try await browser.signIn("admin", "wrong-password")
            #expect(bad.status == .unauthorized && bad.html.contains("用户名或密码不正确。"))
            let signedIn = try await browser.signIn("admin")
            #expect(signedIn.status == .seeOther && signedIn.location == "/admin/users")
            let setCookie = try #require(signedIn.headers[.setCookie])
            #expect(setCookie.hasPrefix("hd_session=") && setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"))
            let cookie = try #require(browser.cookies["hd_session"])
            #expect(try await browser.get("/admin/users").status == .ok)
            // A tampered cookie is no session.
            browser.cookies["hd_session"] = "x" + cookie
            #expect(try await browser.get("/admin/users").location == "/login")
            browser.cookies["hd_session"] = cookie
            let page = try await browser.get("/queues/mine")
            #expect(try await browser.post("/logout", ["_csrf": page.csrf ?? ""]).location == "/login")
            // The old cookie, replayed, no longer works: the token was revoked.
            browser.cookies["hd_session"] = cookie
            #expect(try await browser.get("/admin/users").location == "/login")
        }
    }

    @Test(
        "a form without the session's CSRF token is refused with 403 and a localised message",
        arguments: TestStores.kinds)
    func csrf(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let browser = WebBrowser(api)
            _ = try await browser.signIn("admin")
            let form = try await browser.get("/admin/groups")
            let missing = try await browser.post("/admin/groups", ["name": "桌面支持组"])
            #expect(missing.status == .forbidden && missing.html.contains("表单已过期或来源不可信"))
            let wrong = try await browser.post("/admin/groups", ["name": "桌面支持组", "_csrf": "AAAA"])
            #expect(wrong.status == .forbidden)
            #expect(try await api.store.groups().count == 5)
            let accepted = try await browser.post("/admin/groups", ["name": "桌面支持组", "_csrf": try #require(form.csrf)])
            #expect(accepted.status == .seeOther)
            #expect(try await api.store.groups().contains { $0.name == "桌面支持组" })
        }
    }

    @Test("every screen renders for its role; zh-CN by default, English once chosen", arguments: TestStores.kinds)
    func pages(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            _ = try await api.signUp("xiaoming", role: "requester", admin: admin)
            _ = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = WebBrowser(api)
            _ = try await requester.signIn("xiaoming")
            let form = try await requester.get("/new?type=consultation")
            #expect(form.html.contains("需求描述") && form.html.contains("期望结果") && !form.html.contains("复现步骤"))
            // when
            let created = try await requester.post(
                "/new",
                [
                    "_csrf": try #require(form.csrf), "type": "fault", "title": "打印机无法打印", "description": "三楼打印机卡纸",
                    "detail_error_text": "E05", "impact": "low", "urgency": "medium", "contact": "8001",
                    "categoryId": "6",
                ])
            // then
            let location = try #require(created.location)
            #expect(location.hasPrefix("/tickets/TS") && location.hasSuffix("/submitted"))
            let ack = try await requester.get(location)
            #expect(ack.html.contains("您的请求已收到，工单号 TS") && ack.html.contains("复现步骤"))
            let number = String(location.dropFirst("/tickets/".count).dropLast("/submitted".count))
            let mine = try await requester.get("/my")
            #expect(mine.status == .ok && mine.html.contains(number) && mine.html.contains("待处理"))
            #expect(try await requester.get("/queues/unassigned").status == .forbidden)
            #expect(try await requester.get("/admin/users").status == .forbidden)

            let agent = WebBrowser(api)
            _ = try await agent.signIn("ops")
            for path in ["/queues/mine", "/queues/groups", "/queues/overdue", "/queues/waiting"] {
                #expect(try await agent.get(path).status == .ok, "\(path)")
            }
            let queue = try await agent.get("/queues/unassigned")
            #expect(queue.html.contains(number) && queue.html.contains("P3 低") && queue.html.contains("sla-ok"))
            let ticket = try await agent.get("/tickets/\(number)")
            #expect(ticket.html.contains("id=\"do-start\"") && ticket.html.contains("id=\"do-assign\""))
            #expect(!ticket.html.contains("id=\"do-review\"") && !ticket.html.contains("id=\"do-resolve\""))

            let boss = WebBrowser(api)
            _ = try await boss.signIn("admin")
            for path in [
                "/supervisor/review", "/supervisor/overdue", "/supervisor/board", "/admin/users", "/admin/users/2",
                "/admin/groups", "/admin/categories", "/admin/calendars", "/admin/sla", "/admin/settings",
            ] {
                let page = try await boss.get(path)
                #expect(page.status == .ok && page.html.contains("<html lang=\"zh-CN\">"), "\(path)")
            }
            let page = try await boss.get("/admin/users")
            _ = try await boss.post(
                "/lang", ["_csrf": try #require(page.csrf), "locale": "en", "back": "/admin/users"])
            let english = try await boss.get("/admin/users")
            #expect(english.html.contains("<html lang=\"en\">") && english.html.contains("Users and roles"))
            #expect(try await api.store.user(id: 1)?.locale == "en")
        }
    }

    @Test("R9.2: the ticket page and queues mask personal data exactly as the API does", arguments: TestStores.kinds)
    func masking(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: an external requester's ticket in group 1, seen by an agent of that group who does not handle it
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            _ = try await api.signUp("ops", role: "agent", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            // when
            let agent = WebBrowser(api)
            _ = try await agent.signIn("ops")
            let page = try await agent.get("/tickets/\(number)")
            let queue = try await agent.get("/queues/groups")
            let ownView = WebBrowser(api)
            _ = try await ownView.signIn("xiaoming")
            let own = try await ownView.get("/tickets/\(number)")
            // then
            #expect(page.html.contains("*5678") && !page.html.contains("13812345678"))
            #expect(page.html.contains("王小*") && !page.html.contains("王小明"))
            #expect(queue.html.contains("王小*") && !queue.html.contains("王小明"))
            #expect(own.html.contains("13812345678") && own.html.contains("王小明"))
        }
    }

    @Test("attachments: size-limited, served only to people who may see the ticket", arguments: TestStores.kinds)
    func attachments(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            _ = try await api.signUp("xiaoming", role: "requester", admin: admin)
            _ = try await api.signUp("other", role: "requester", admin: admin)
            _ = try await api.signUp("net", role: "agent", groups: [4], admin: admin)
            let owner = WebBrowser(api)
            _ = try await owner.signIn("xiaoming")
            let form = try await owner.get("/new")
            let fields = [
                "_csrf": try #require(form.csrf), "type": "request", "title": "申请显示器", "description": "需要第二块显示器",
                "impact": "low", "urgency": "low", "contact": "8001", "categoryId": "6",
            ]
            // when
            let created = try await owner.postMultipart(
                "/new", fields, file: (name: "日志.txt", type: "text/plain", data: Array("ERROR 500\n".utf8)))
            let number = String(
                try #require(created.location).dropFirst("/tickets/".count).dropLast("/submitted".count))
            let ticket = try await owner.get("/tickets/\(number)")
            let image = try await owner.postMultipart(
                "/tickets/\(number)/attachments", ["_csrf": try #require(ticket.csrf)],
                file: (name: "shot.png", type: "image/png", data: [0x89, 0x50, 0x4E, 0x47]))
            let tooLarge = try await owner.postMultipart(
                "/tickets/\(number)/attachments", ["_csrf": try #require(ticket.csrf)],
                file: (name: "big.log", type: "text/plain", data: Array(repeating: 65, count: 5 * 1024 * 1024 + 1)))
            // then
            #expect(image.status == .seeOther && tooLarge.status == .contentTooLarge)
            let listed = try await api.store.attachments(
                ticketId: try #require(try await api.store.ticket(number: number)).id)
            #expect(listed.map(\.filename) == ["日志.txt", "shot.png"])
            let log = try await owner.get("/attachments/\(listed[0].id)")
            #expect(log.status == .ok && log.html == "ERROR 500\n" && log.headers[.contentType] == "text/plain")
            #expect(log.headers[.init("Content-Disposition")!]?.hasPrefix("attachment;") == true)
            let png = try await owner.get("/attachments/\(listed[1].id)")
            #expect(png.headers[.init("Content-Disposition")!]?.hasPrefix("inline;") == true)
            for stranger in ["other", "net"] {
                let browser = WebBrowser(api)
                _ = try await browser.signIn(stranger)
                #expect(try await browser.get("/attachments/\(listed[0].id)").status == .notFound, "\(stranger)")
            }
            #expect(try await WebBrowser(api).get("/attachments/\(listed[0].id)").location == "/login")
        }
    }

    @Test(
        "a GBK log uploaded on the ticket page is found by its words, the hit in the snippet",
        arguments: TestStores.kinds)
    func attachmentWordsSearched(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(requester.token)
            let owner = WebBrowser(api)
            _ = try await owner.signIn("xiaoming")
            let page = try await owner.get("/tickets/\(number)")
            // "数据库连接超时" in GBK, sent as octet-stream, as Windows tools write logs
            let gbk: [UInt8] = [202, 253, 190, 221, 191, 226, 193, 172, 189, 211, 179, 172, 202, 177]
            let uploaded = try await owner.postMultipart(
                "/tickets/\(number)/attachments", ["_csrf": try #require(page.csrf)],
                file: (name: "client.log", type: "application/octet-stream", data: Array("ERR ".utf8) + gbk))
            #expect(uploaded.status == .seeOther)
            let q = "%E8%BF%9E%E6%8E%A5%E8%B6%85%E6%97%B6"  // 连接超时
            let found = try await api.call(.get, "/api/v1/search?q=\(q)&scope=tickets", token: requester.token)
            #expect(found.items.map { $0["number"] as? String } == [number], "\(found.json)")
            let snippet = try #require(found.items.first?["snippet"] as? String)
            #expect(snippet.contains("连接超时"), "\(snippet)")
        }
    }
}
