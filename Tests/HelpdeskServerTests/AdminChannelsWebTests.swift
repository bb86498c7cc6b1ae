import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Admin → Intake channels on the web: health and the quarantine (issue #11)")
struct AdminChannelsWebTests {
    @Test(
        "the admin sees each channel's health and the quarantined message, downloads it and reprocesses it",
        arguments: TestStores.kinds)
    func channelsAndQuarantine(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a mailgate channel that took one good and one bad message
            let admin = try await api.token("admin")
            let (id, token) = try await ChannelAPITests.mailgate(api, admin: admin, name: "MTA 管道")
            _ = try await api.call(.post, "/api/v1/channels/\(id)/mail", token: token, raw: ChannelAPITests.message)
            _ = try await api.call(.post, "/api/v1/channels/\(id)/mail", token: token, raw: "garbage")
            let browser = try await WebBrowser.signedIn(api)
            // when
            let page = try await browser.get("/admin/channels")
            // then
            #expect(page.status == .ok)
            #expect(page.html.contains("MTA 管道") && page.html.contains("<code>mailgate</code>"))
            #expect(page.html.contains("不是邮件（没有邮件头）"))
            #expect(page.html.contains("aria-current=\"page\" id=\"nav-channels\""))
            let quarantined = try #require(try await api.store.quarantinedMail(limit: 1).first)
            let raw = try await browser.get("/admin/mail/quarantine/\(quarantined.id)/raw")
            #expect(raw.status == .ok && raw.html == "garbage")
            let csrf = try #require(page.csrf)
            let again = try await browser.post(
                "/admin/mail/quarantine/\(quarantined.id)/reprocess", ["_csrf": csrf])
            #expect(again.location == "/admin/channels?outcome=quarantined#quarantine")
            #expect(try await browser.get("/admin/channels?outcome=quarantined").html.contains("仍无法解析"))
        }
    }
}

@Suite("Admin → Intake channels on the web: adding and deleting channels (issue #11)")
struct AdminChannelFormWebTests {
    @Test(
        "the admin adds an IMAP mailbox (password kept, never shown) and a mailgate (its token shown once, with the MTA's command), then deletes one",
        arguments: TestStores.kinds)
    func createAndDelete(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let browser = try await WebBrowser.signedIn(api)
            let form = try await browser.get("/admin/channels")
            let csrf = try #require(form.csrf)
            // every choice has its words (a catalogue key under another key's text renders empty)
            for option in [
                ">IMAP 邮箱</option>", ">邮件网关（MTA 管道）</option>", ">STARTTLS（143）</option>",
                ">7×24 小时</option>", ">按 SLA 政策的工作日历</option>",
            ] {
                #expect(form.html.contains(option), "\(option)")
            }
            // when: an IMAP mailbox
            let imap = try await browser.post(
                "/admin/channels",
                [
                    "_csrf": csrf, "kind": "imap", "name": "客服邮箱", "host": "imap.corp.example.cn",
                    "security": "starttls", "username": "support", "password": "s3cret-密码", "folder": "收件箱/工单",
                    "moveTo": "已处理", "pollSeconds": "30",
                ])
            // then
            #expect(imap.location == "/admin/channels#channels-table")
            let stored = try #require(try await api.store.channels().first { $0.name == "客服邮箱" })
            #expect(stored.kind == .imap && stored.settings.contains("\"port\":143"))
            #expect(stored.settings.contains("s3cret-密码") && stored.settings.contains("已处理"))
            let page = try await browser.get("/admin/channels")
            #expect(page.html.contains("客服邮箱") && !page.html.contains("s3cret"))

            // when: a mailgate
            let gate = try await browser.post("/admin/channels", ["_csrf": csrf, "kind": "mailgate", "name": "MTA"])
            // then: the page shows its token once
            #expect(gate.status == .ok && gate.html.contains("id=\"mailgate-token\""))
            let created = try #require(try await api.store.channels().first { $0.name == "MTA" })
            #expect(
                gate.html.contains("helpdesk mailgate --url http://") && gate.html.contains("--channel \(created.id)"))
            #expect(!(try await browser.get("/admin/channels").html.contains("mailgate-token")))

            // when: an IMAP channel without its host, then the delete
            let refused = try await browser.post(
                "/admin/channels", ["_csrf": csrf, "kind": "imap", "name": "缺少服务器", "username": "x"])
            let deleted = try await browser.post("/admin/channels/\(stored.id)/delete", ["_csrf": csrf])
            // then
            #expect(refused.status.code == 422 && refused.html.contains("settings.host"))
            #expect(deleted.location == "/admin/channels#channels-table")
            #expect(try await api.store.channels().map(\.name) == ["MTA"])
        }
    }
}

@Suite("The ticket page shows its channel messages (issue #11)")
struct TicketMessagesWebTests {
    @Test("a ticket that came by e-mail shows the message it came in with", arguments: TestStores.kinds)
    func ticketPage(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let (id, token) = try await ChannelAPITests.mailgate(api, admin: admin)
            let posted = try await api.call(
                .post, "/api/v1/channels/\(id)/mail", token: token, raw: ChannelAPITests.message)
            let number = try #require(posted["ticketNumber"] as? String)
            let browser = try await WebBrowser.signedIn(api)
            // when
            let page = try await browser.get("/tickets/\(number)")
            // then
            #expect(page.status == .ok && page.html.contains("id=\"channel-messages\""))
            #expect(page.html.contains("渠道消息") && page.html.contains("zhangsan@corp.example.cn"))
            #expect(page.html.contains("<pre class=\"message-text\">三楼打印机卡纸</pre>"))
        }
    }
}

@Suite("Admin → Intake channels on the web: IM bots (issue #11)")
struct AdminIMChannelWebTests {
    @Test(
        "the admin adds a Feishu app with its secrets (never shown again) and is given its callback URL",
        arguments: TestStores.kinds)
    func feishu(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let browser = try await WebBrowser.signedIn(api)
            let form = try await browser.get("/admin/channels")
            let csrf = try #require(form.csrf)
            for option in [">钉钉机器人</option>", ">飞书应用</option>", ">企业微信应用</option>", ">Slack 应用</option>"] {
                #expect(form.html.contains(option), "\(option)")
            }
            #expect(form.html.contains("Encrypt Key（飞书）") && form.html.contains("EncodingAESKey（企业微信，43 位）"))
            // when
            let created = try await browser.post(
                "/admin/channels",
                [
                    "_csrf": csrf, "kind": "feishu", "name": "飞书服务台", "appId": "cli_a1b2", "appSecret": "fs-秘密",
                    "verificationToken": "vt-1", "encryptKey": "ek-1", "host": "ignored.example",
                ])
            // then
            #expect(created.location == "/admin/channels#channels-table")
            let stored = try #require(try await api.store.channels().first { $0.name == "飞书服务台" })
            #expect(stored.kind == .feishu && stored.settings.contains("fs-秘密") && !stored.settings.contains("ignored"))
            let page = try await browser.get("/admin/channels")
            #expect(
                page.html.contains("<code class=\"callback-url\">http://")
                    && page.html.contains("/api/v1/channels/\(stored.id)/events</code>"))
            #expect(!page.html.contains("fs-秘密") && !page.html.contains("ek-1"))
            // a Feishu app without its encrypt key is refused, naming the field
            let refused = try await browser.post(
                "/admin/channels",
                [
                    "_csrf": csrf, "kind": "feishu", "name": "缺密钥", "appId": "cli", "appSecret": "s",
                    "verificationToken": "v",
                ])
            #expect(refused.status.code == 422 && refused.html.contains("settings.encryptKey"))
        }
    }
}

@Suite("Admin → Intake channels on the web: IM senders and their accounts (issue #11)")
struct AdminIMIdentityWebTests {
    @Test(
        "the admin sees each sender's account, links a sender to an employee's account and unlinks it",
        arguments: TestStores.kinds)
    func identities(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a DingTalk channel, a sender intake made an external requester for, an employee
            let admin = try await api.token("admin")
            let channel = try await IMIntakeTests.createChannel(api, .dingtalk, port: 9, admin: admin)
            let external = try await api.store.createUser(
                User(username: "im:\(channel):manager4220", displayName: "张三", role: .requester, external: true),
                passwordHash: "!", now: api.clock.now)
            try await api.store.linkIMIdentity(
                channelId: channel, externalId: "manager4220", userId: external.id, now: api.clock.now)
            _ = try await api.signUp("zhangsan", role: "requester", admin: admin)
            let browser = try await WebBrowser.signedIn(api)
            let page = try await browser.get("/admin/channels")
            let csrf = try #require(page.csrf)
            #expect(page.html.contains("id=\"identities-table\"") && page.html.contains("<code>manager4220</code>"))
            #expect(page.html.contains("张三 (im:\(channel):manager4220) <span class=\"muted\">（外部提交人）</span>"))
            // when
            let linked = try await browser.post(
                "/admin/channels/identities",
                ["_csrf": csrf, "channel": String(channel), "externalId": "manager4220", "username": "zhangsan"])
            // then
            #expect(linked.location == "/admin/channels#identities")
            let employee = try #require(try await api.store.user(username: "zhangsan"))
            #expect(try await api.store.imIdentity(channelId: channel, externalId: "manager4220") == employee.id)
            let unknown = try await browser.post(
                "/admin/channels/identities",
                ["_csrf": csrf, "channel": String(channel), "externalId": "x", "username": "nobody"])
            #expect(unknown.status.code == 422)
            let removed = try await browser.post(
                "/admin/channels/\(channel)/identities/delete", ["_csrf": csrf, "externalId": "manager4220"])
            #expect(removed.location == "/admin/channels#identities")
            #expect(try await api.store.imIdentity(channelId: channel, externalId: "manager4220") == nil)
            #expect(try await browser.get("/admin/channels").html.contains("还没有发送人。"))
        }
    }
}

@Suite("The ticket page shows an HTML mail sanitised, with its inline images (issue #11)")
struct HTMLMailWebTests {
    static let mail = """
        From: =?utf-8?B?5byg5LiJ?= <zhangsan@corp.example.cn>\r
        To: support@desk.example.cn\r
        Subject: =?utf-8?B?5omT5Y2w5py65Y2h57q4?=\r
        Message-ID: <html-1@corp.example.cn>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/related; boundary="b1"\r
        \r
        --b1\r
        Content-Type: text/html; charset=utf-8\r
        \r
        <html><head><style>p{color:red}</style></head><body><p onclick="x()">打印机<b>卡纸</b>，见截图：</p><img src="cid:shot1@corp" alt="截图"><script>alert(1)</script><img src="https://tracker.example/p.gif" alt="像素"><a href="javascript:alert(2)">点我</a></body></html>\r
        --b1\r
        Content-Type: image/png; name="shot.png"\r
        Content-ID: <shot1@corp>\r
        Content-Disposition: inline; filename="shot.png"\r
        Content-Transfer-Encoding: base64\r
        \r
        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\r
        --b1--\r

        """

    @Test(
        "scripts, handlers, remote images and javascript links are gone; the inline image is the ticket's file",
        arguments: TestStores.kinds)
    func htmlMail(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let (id, token) = try await ChannelAPITests.mailgate(api, admin: admin)
            let posted = try await api.call(.post, "/api/v1/channels/\(id)/mail", token: token, raw: Self.mail)
            let number = try #require(posted["ticketNumber"] as? String, "\(posted.json)")
            let ticket = try #require(try await api.store.ticket(number: number))
            let file = try #require(
                try await api.store.attachments(ticketId: ticket.id).first { $0.filename == "shot.png" })
            let browser = try await WebBrowser.signedIn(api)
            // when
            let page = try await browser.get("/tickets/\(number)")
            // then
            #expect(
                page.html.contains(
                    "<div class=\"message-html\"><p>打印机<b>卡纸</b>，见截图：</p><img src=\"/attachments/\(file.id)\" alt=\"截图\">像素<a>点我</a></div>"
                ), "\(page.html)")
            #expect(!page.html.contains("alert(") && !page.html.contains("tracker.example"))
            // the plain text stays for search and the API
            let messages = try await api.call(.get, "/api/v1/tickets/\(number)/messages", token: admin).items
            #expect((messages.first?["text"] as? String)?.contains("打印机卡纸，见截图：") == true)
            #expect((messages.first?["html"] as? String)?.contains("src=\"cid:shot1@corp\"") == true)
        }
    }
}
