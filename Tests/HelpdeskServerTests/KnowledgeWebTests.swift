import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Knowledge base on the web (R6.2): list and search, editor with preview, revisions, review, suggestions")
struct KnowledgeWebTests {
    @Test(
        "an engineer writes an article with a preview, a supervisor publishes it, revisions are compared and restored",
        arguments: TestStores.kinds)
    func editorAndReview(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            _ = try await api.signUp("wanggong", role: "agent", tier: "L1", groups: [1], admin: admin)
            _ = try await api.signUp("lizhuguan", role: "supervisor", groups: [1], admin: admin)
            let engineer = try await WebBrowser.signedIn(api, as: "wanggong")
            let empty = try await engineer.get("/kb")
            #expect(empty.status == .ok && empty.html.contains("id=\"kb-empty\""))
            #expect(empty.html.contains("href=\"/kb\" aria-current=\"page\" id=\"nav-kb\""))
            let form = try await engineer.get("/kb/articles/new")
            let csrf = try #require(form.csrf)
            #expect(form.status == .ok && form.html.contains("action=\"/kb/articles\""))
            let fields = [
                "_csrf": csrf, "title": "VPN 客户端无法连接", "symptom": "提示证书无效", "cause": "证书过期",
                "solution": "1、打开客户端\n2、点击**更新证书**\n<img src=x onerror=alert(1)>", "tags": "VPN，证书",
                "visibility": "public", "revision": "0",
            ]
            // when: previewed
            var preview = fields
            preview["intent"] = "preview"
            let previewed = try await engineer.post("/kb/articles", preview)
            // then: the rendered solution, safe, and nothing saved
            #expect(previewed.status == .ok && previewed.html.contains("id=\"kb-preview\""))
            #expect(previewed.html.contains("<strong>更新证书</strong>") && previewed.html.contains("&lt;img"))
            #expect(!previewed.html.contains("<img src=x"))
            #expect(try await api.store.articles(KBQuery()).articles.isEmpty)
            // when: saved, then sent for review
            var save = fields
            save["intent"] = "save"
            let saved = try await engineer.post("/kb/articles", save)
            #expect(saved.status == .seeOther)
            let article = try #require(try await api.store.articles(KBQuery()).articles.first)
            #expect(saved.location == "/kb/articles/\(article.id)?done=saved")
            #expect(article.content.tags == ["vpn", "证书"] && article.content.visibility == .public)
            let shown = try await engineer.get("/kb/articles/\(article.id)?done=saved")
            #expect(shown.html.contains("id=\"kb-notice\"") && shown.html.contains("id=\"kb-submit\""))
            #expect(!shown.html.contains("id=\"kb-publish\""))
            _ = try await engineer.post("/kb/articles/\(article.id)/submit", ["_csrf": csrf])
            // a blank title is refused with the form kept
            let blank = try await engineer.post(
                "/kb/articles/\(article.id)",
                ["_csrf": csrf, "title": " ", "solution": "x", "revision": "1", "intent": "save"])
            #expect(blank.status == .unprocessableContent && blank.html.contains("id=\"form-error\""))

            // when: the supervisor opens the review queue and publishes
            let supervisor = try await WebBrowser.signedIn(api, as: "lizhuguan")
            let queue = try await supervisor.get("/kb/review")
            #expect(queue.status == .ok && queue.html.contains("/kb/articles/\(article.id)"))
            let supervisorCSRF = try #require(queue.csrf)
            let publish = try await supervisor.post("/kb/articles/\(article.id)/publish", ["_csrf": supervisorCSRF])
            #expect(publish.status == .seeOther)
            #expect(try await api.store.article(id: article.id)?.status == .published)
            // then: the engineer's correction says it goes back to review
            let edit = try await engineer.get("/kb/articles/\(article.id)/edit")
            #expect(edit.html.contains("id=\"kb-returns-to-review\"") && edit.html.contains("value=\"vpn, 证书\""))
            let changed = try await engineer.post(
                "/kb/articles/\(article.id)",
                [
                    "_csrf": csrf, "title": "VPN 客户端无法连接", "solution": "1、重启客户端", "revision": "1", "intent": "save",
                    "visibility": "public",
                ])
            #expect(changed.status == .seeOther)
            #expect(try await api.store.article(id: article.id)?.status == .review)
            // revisions compared line by line, and restored
            let revisions = try await engineer.get("/kb/articles/\(article.id)/revisions")
            #expect(
                revisions.html.contains("id=\"kb-revision-list\"") && revisions.html.contains("id=\"kb-restore-1\""))
            let compared = try await engineer.get("/kb/articles/\(article.id)/compare?from=1&to=2")
            #expect(compared.html.contains("<span class=\"diff-added\">") && compared.html.contains("1、重启客户端"))
            #expect(compared.html.contains("<span class=\"diff-removed\">"))
            let restored = try await engineer.post(
                "/kb/articles/\(article.id)/revisions/1/restore", ["_csrf": csrf, "revision": "2"])
            #expect(restored.location == "/kb/articles/\(article.id)?done=restored")
            #expect(try await api.store.article(id: article.id)?.content.solution.hasPrefix("1、打开客户端") == true)
        }
    }

    @Test(
        "R6.2 the intake form suggests published articles without JavaScript, the acknowledgement lists them, and a solved ticket offers a draft",
        arguments: TestStores.kinds)
    func intakeAndTicket(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a published public article
            let admin = try await api.token("admin")
            let writer = try await api.signUp("wanggong", role: "agent", tier: "L1", groups: [1], admin: admin)
            _ = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let created = try await api.call(
                .post, "/api/v1/kb/articles", token: writer.token,
                json: ["title": "打印机卡纸怎么办", "symptom": "打印机提示卡纸", "solution": "打开后盖取出纸张", "visibility": "public"])
            let id = try #require(created["id"] as? Int)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: writer.token)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: admin)
            let requester = try await WebBrowser.signedIn(api, as: "xiaoming")
            let form = try await requester.get("/new")
            let csrf = try #require(form.csrf)
            #expect(form.html.contains("id=\"kb-suggestions\"") && form.html.contains("id=\"kb-look\""))
            // when: "look for answers" without JavaScript
            let looked = try await requester.post(
                "/new",
                ["_csrf": csrf, "type": "fault", "title": "三楼打印机卡纸", "description": "一直提示卡纸", "intent": "suggest"])
            // then: the form again, as typed, with the article linked for deflection; no ticket
            #expect(looked.status == .ok && looked.html.contains("value=\"三楼打印机卡纸\""))
            #expect(looked.html.contains("/kb/articles/\(id)?from=intake") && looked.html.contains("打印机卡纸怎么办"))
            #expect(try await api.call(.get, "/api/v1/tickets", token: admin).items.isEmpty)
            // the fragment app.js fetches
            let fragment = try await requester.get("/kb/suggest?q=\(WebBrowser.encode("打印机一直卡纸"))")
            #expect(fragment.html.contains("class=\"kb-suggestions\"") && !fragment.html.contains("<html"))
            // when: submitted, the acknowledgement lists it too
            let submitted = try await requester.post(
                "/new",
                [
                    "_csrf": csrf, "type": "fault", "title": "三楼打印机卡纸", "description": "一直提示卡纸", "impact": "low",
                    "urgency": "low", "contact": "13812345678",
                ])
            let location = try #require(submitted.location)
            let ack = try await requester.get(location)
            #expect(ack.html.contains("id=\"ack-suggestions\"") && ack.html.contains("打印机卡纸怎么办"))
            // the requester reads it: no staff facts or actions
            let read = try await requester.get("/kb/articles/\(id)?from=intake")
            #expect(read.status == .ok && read.html.contains("打开后盖取出纸张") && !read.html.contains("id=\"kb-actions\""))
            let vote = try await requester.post("/kb/articles/\(id)/feedback", ["_csrf": csrf, "helpful": "true"])
            #expect(vote.location == "/kb/articles/\(id)?done=feedback")
            #expect(try await api.store.article(id: Int64(id))?.votes == KBVotes(helpful: 1))

            // and: staff see the article on the ticket page, and a draft once it is solved
            let number = String(location.split(separator: "/")[1])
            let staff = try await WebBrowser.signedIn(api)
            let ticket = try await staff.get("/tickets/\(number)")
            #expect(ticket.html.contains("id=\"ticket-knowledge\"") && ticket.html.contains("/kb/articles/\(id)"))
            #expect(!ticket.html.contains("id=\"kb-draft\""))
            try await MailConversationTests.resolve(number, "清理进纸通道", api: api)
            let solved = try await staff.get("/tickets/\(number)")
            #expect(solved.html.contains("id=\"kb-draft\""))
            let drafted = try await staff.post("/tickets/\(number)/kb-draft", ["_csrf": try #require(solved.csrf)])
            let draftLocation = try #require(drafted.location)
            #expect(draftLocation.hasPrefix("/kb/articles/") && draftLocation.hasSuffix("/edit"))
            let editor = try await staff.get(draftLocation)
            #expect(editor.html.contains("清理进纸通道") && editor.html.contains("value=\"三楼打印机卡纸\""))
            // a ticket with a long description still shows its page (the suggestion reads its start)
            let long = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: [
                    "title": "打印机卡纸", "description": String(repeating: "打印机一直卡纸，", count: 700), "impact": "low",
                    "urgency": "low", "contact": "13812345678", "categoryId": 6,
                ])
            let longNumber = try #require((long["ticket"] as? [String: Any])?["number"] as? String)
            let longPage = try await staff.get("/tickets/\(longNumber)")
            #expect(longPage.status == .ok && longPage.html.contains("/kb/articles/\(id)"))
            // the knowledge-base page shows staff its figures
            let list = try await staff.get("/kb")
            #expect(list.html.contains("id=\"kb-insights\"") && list.html.contains("id=\"kb-deflection\""))
        }
    }
}
