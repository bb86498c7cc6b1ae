import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Knowledge base over the API (R6.2)")
struct KnowledgeAPITests {
    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    /// A desk with an engineer, a supervisor, a second reviewer and a requester.
    struct Desk {
        let admin: String
        let agent: (id: Int64, token: String)
        let supervisor: (id: Int64, token: String)
        let manager: (id: Int64, token: String)
        let requester: (id: Int64, token: String)
    }

    static func desk(_ api: APIHarness) async throws -> Desk {
        let admin = try await api.token("admin")
        return Desk(
            admin: admin,
            agent: try await api.signUp("wanggong", role: "agent", tier: "L1", groups: [1], admin: admin),
            supervisor: try await api.signUp("lizhuguan", role: "supervisor", groups: [1], admin: admin),
            manager: try await api.signUp("zhaojingli", role: "problem_manager", admin: admin),
            requester: try await api.signUp("xiaoming", role: "requester", admin: admin))
    }

    static var vpn: [String: Any] {
        [
            "title": "  VPN 客户端无法连接  ", "symptom": "连接时提示“证书无效”", "cause": "客户端证书过期",
            "solution": "1. 打开 **VPN 客户端**\n2. 点击“更新证书”\n\n<script>alert(1)</script>",
            "tags": ["VPN", "证书"], "visibility": "public",
        ]
    }

    @Test(
        "R6.2 an article is written, reviewed by someone else, published for requesters, corrected and retired",
        arguments: TestStores.kinds)
    func lifecycle(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            // when: an engineer writes a draft
            let created = try await api.call(.post, "/api/v1/kb/articles", token: desk.agent.token, json: Self.vpn)
            #expect(created.status == .created, "\(created.json)")
            let id = try #require(created["id"] as? Int)
            #expect(created["title"] as? String == "VPN 客户端无法连接" && created["status"] as? String == "draft")
            #expect(created["tags"] as? [String] == ["vpn", "证书"] && created["revision"] as? Int == 1)
            let html = try #require(created["solutionHtml"] as? String)
            #expect(
                html.contains("<strong>VPN 客户端</strong>") && html.contains("&lt;script&gt;")
                    && !html.contains("<script>"))
            // then: the requester does not see it yet
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)", token: desk.requester.token).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/kb/articles", token: desk.requester.token).items.isEmpty)

            // when: sent for review; the engineer may not publish
            let submitted = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.agent.token)
            #expect(submitted["status"] as? String == "review")
            let refused = try await api.call(
                .post, "/api/v1/kb/articles/\(id)/publish", token: desk.agent.token, language: "en")
            #expect(refused.status == .forbidden && refused.errorCode == "kb_reviewer_only")
            #expect(refused.errorMessage?.hasPrefix("Only supervisors") == true)
            let queue = try await api.call(.get, "/api/v1/kb/review", token: desk.supervisor.token)
            #expect(queue.items.map { $0["id"] as? Int } == [id])
            // a supervisor publishes
            let published = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
            #expect(published.status == .ok && published["status"] as? String == "published")
            #expect(published["reviewerId"] as? Int == Int(desk.supervisor.id))
            // then: the requester reads it, lists it and finds it
            let read = try await api.call(.get, "/api/v1/kb/articles/\(id)", token: desk.requester.token)
            #expect(read.status == .ok && read["cause"] as? String == "客户端证书过期")
            let found = try await api.call(
                .get, "/api/v1/kb/articles?q=\(Self.encoded("证书无效"))", token: desk.requester.token)
            #expect(found.items.map { $0["id"] as? Int } == [id])
            #expect((found.items.first?["snippet"] as? String)?.contains("证书无效") == true)
            // publishing again is a conflict, in Chinese by default
            let again = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.manager.token)
            #expect(again.status == .conflict && again.errorCode == "kb_illegal_transition")
            #expect(again.errorMessage == "文章当前状态为“已发布”，不能执行“审核通过并发布”。")

            // when: the engineer corrects it over the revision they read
            let edited = try await api.call(
                .put, "/api/v1/kb/articles/\(id)", token: desk.agent.token,
                json: ["solution": "1. 更新证书\n2. 重启客户端", "revision": 1])
            // then: it is revision 2 and back in review, offline for requesters
            #expect(edited.status == .ok && edited["revision"] as? Int == 2 && edited["status"] as? String == "review")
            #expect(edited["title"] as? String == "VPN 客户端无法连接")
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)", token: desk.requester.token).status == .notFound)
            // a save over revision 1 is refused with the current one
            let stale = try await api.call(
                .put, "/api/v1/kb/articles/\(id)", token: desk.supervisor.token, json: ["title": "旧", "revision": 1])
            #expect(stale.status == .conflict && stale.errorCode == "article_changed")
            #expect(stale.errorMessage?.contains("第 2 版") == true)
            // the supervisor publishes it again; a correction of theirs goes to review too
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
            let corrected = try await api.call(
                .put, "/api/v1/kb/articles/\(id)", token: desk.supervisor.token,
                json: ["cause": "客户端证书过期（有效期一年）", "revision": 2])
            #expect(corrected["status"] as? String == "review" && corrected["revision"] as? Int == 3)
            // and having written a revision, the supervisor may not publish it; the problem manager may
            let own = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
            #expect(own.status == .conflict && own.errorCode == "kb_reviewer_is_writer")
            let pinned = try await api.call(
                .post, "/api/v1/kb/articles/\(id)/publish", token: desk.manager.token, json: ["revision": 2])
            #expect(pinned.status == .conflict && pinned.errorCode == "article_changed")
            let republished = try await api.call(
                .post, "/api/v1/kb/articles/\(id)/publish", token: desk.manager.token, json: ["revision": 3])
            #expect(republished["status"] as? String == "published")
            // linking a ticket is no revision and keeps it published
            let ticket = try await api.submitVPNTicket(desk.requester.token)
            let linked = try await api.call(
                .put, "/api/v1/kb/articles/\(id)", token: desk.agent.token,
                json: ["ticketNumbers": [ticket], "revision": 3])
            #expect(linked["status"] as? String == "published" && linked["revision"] as? Int == 3)
            #expect(linked["ticketNumbers"] as? [String] == [ticket])
            // requesters do not see which tickets it is linked to
            let asRequester = try await api.call(.get, "/api/v1/kb/articles/\(id)", token: desk.requester.token)
            #expect(asRequester["ticketNumbers"] as? [String] == [])
            #expect(
                try await api.call(.get, "/api/v1/kb/articles?ticket=\(ticket)", token: desk.requester.token).items
                    .isEmpty)
            let revisions = try await api.call(.get, "/api/v1/kb/articles/\(id)/revisions", token: desk.agent.token)
            #expect(revisions.items.map { $0["number"] as? Int } == [3, 2, 1])
            #expect(revisions.items.map { $0["note"] as? String } == ["edited", "edited", "created"])
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)/revisions", token: desk.requester.token).status
                    == .forbidden)
            // compared
            let compared = try await api.call(
                .get, "/api/v1/kb/articles/\(id)/compare?from=1&to=3", token: desk.agent.token)
            let fields = compared["fields"] as? [[String: Any]] ?? []
            let solution = try #require(fields.first { $0["name"] as? String == "solution" })
            #expect(solution["changed"] as? Bool == true)
            let lines = (solution["lines"] as? [[String: String]] ?? []).map { "\($0["change"]!) \($0["text"]!)" }
            #expect(lines.contains("added 1. 更新证书") && lines.contains("removed 1. 打开 **VPN 客户端**"))
            #expect(fields.first { $0["name"] as? String == "title" }?["changed"] as? Bool == false)
            // restored: revision 1's text as revision 4, in review again, audited
            let restored = try await api.call(
                .post, "/api/v1/kb/articles/\(id)/revisions/1/restore", token: desk.supervisor.token,
                json: ["revision": 3])
            #expect(restored["revision"] as? Int == 4 && restored["cause"] as? String == "客户端证书过期")
            #expect(restored["status"] as? String == "review")
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.manager.token)
            let restoredNote = try await api.call(
                .get, "/api/v1/kb/articles/\(id)/revisions/4", token: desk.agent.token)
            #expect(restoredNote["note"] as? String == "restored:1")

            // retired: gone for requesters, still there for staff
            let retired = try await api.call(.post, "/api/v1/kb/articles/\(id)/retire", token: desk.manager.token)
            #expect(retired["status"] as? String == "retired")
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)", token: desk.requester.token).status == .notFound)
            let editRetired = try await api.call(
                .put, "/api/v1/kb/articles/\(id)", token: desk.agent.token, json: ["title": "x", "revision": 4])
            #expect(editRetired.status == .conflict && editRetired.errorCode == "kb_not_editable")
            let audit = try await api.store.auditEntries(AuditQuery())
            #expect(audit.filter { $0.action == .kbArticleStatusChanged }.count == 6)
            #expect(audit.contains { $0.action == .kbArticleRestored && $0.detail["revision"] == "1" })
        }
    }

    @Test("R6.2 the author may not publish their own article unless the desk allows it", arguments: TestStores.kinds)
    func separateReviewer(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            let created = try await api.call(.post, "/api/v1/kb/articles", token: desk.supervisor.token, json: Self.vpn)
            let id = try #require(created["id"] as? Int)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.supervisor.token)
            let refused = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
            #expect(refused.status == .conflict && refused.errorCode == "kb_reviewer_is_writer")
            let settings = try await api.call(
                .put, "/api/v1/settings", token: desk.admin, json: ["kbSeparateReviewer": false])
            #expect(settings.status == .ok && settings["kbSeparateReviewer"] as? Bool == false, "\(settings.json)")
            let published = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
            #expect(published.status == .ok && published["status"] as? String == "published")
        }
    }

    @Test(
        "R6.2 R9.2 a solved ticket becomes a masked draft linked to it; an unsolved one is refused",
        arguments: TestStores.kinds)
    func draftFromTicket(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            let created = try await api.call(
                .post, "/api/v1/tickets", token: desk.requester.token,
                json: [
                    "title": "邮箱收不到外部邮件", "description": "客户 zhang.san@example.com 的邮件退回，电话 13812345678",
                    "impact": "low", "urgency": "medium", "categoryId": 6, "contact": "13812345678",
                ])
            let number = try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            let early = try await api.call(.post, "/api/v1/tickets/\(number)/kb-draft", token: desk.agent.token)
            #expect(early.status == .conflict && early.errorCode == "ticket_not_solved")
            try await MailConversationTests.resolve(number, "放行外部域名的邮件网关规则", api: api)
            // a requester may not draft
            #expect(
                try await api.call(.post, "/api/v1/tickets/\(number)/kb-draft", token: desk.requester.token).status
                    == .forbidden)
            let draft = try await api.call(.post, "/api/v1/tickets/\(number)/kb-draft", token: desk.supervisor.token)
            #expect(draft.status == .created, "\(draft.json)")
            #expect(draft["status"] as? String == "draft" && draft["visibility"] as? String == "internal")
            #expect(draft["title"] as? String == "邮箱收不到外部邮件")
            // the phone number was hidden at intake already (R9.2); the address is masked now
            #expect(draft["symptom"] as? String == "客户 z*@example.com 的邮件退回，电话 [已隐藏]")
            #expect(draft["solution"] as? String == "放行外部域名的邮件网关规则")
            #expect(draft["ticketNumbers"] as? [String] == [number])
            let linked = try await api.call(.get, "/api/v1/kb/articles?ticket=\(number)", token: desk.agent.token)
            #expect(linked.items.map { $0["id"] as? Int } == [draft["id"] as? Int])
            let revisions = try await api.call(
                .get, "/api/v1/kb/articles/\(draft["id"] as! Int)/revisions", token: desk.agent.token)
            #expect(revisions.items.first?["note"] as? String == "from_ticket:\(number)")
        }
    }

    @Test(
        "R6.2 suggestions for a requester's text: published public articles sharing enough of its words, best first",
        arguments: TestStores.kinds)
    func suggestions(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            func publish(_ body: [String: Any]) async throws -> Int {
                let created = try await api.call(.post, "/api/v1/kb/articles", token: desk.agent.token, json: body)
                let id = try #require(created["id"] as? Int)
                _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.agent.token)
                _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
                return id
            }
            let vpn = try await publish(Self.vpn)
            var internalBody = Self.vpn
            internalBody["title"] = "VPN 网关证书更换步骤"
            internalBody["visibility"] = "internal"
            let internalVPN = try await publish(internalBody)
            let printer = try await publish([
                "title": "打印机卡纸怎么办", "symptom": "打印机提示卡纸", "solution": "打开后盖取出纸张", "visibility": "public",
            ])
            let text = Self.encoded("VPN连不上，提示证书无效")
            let forRequester = try await api.call(.get, "/api/v1/kb/suggest?q=\(text)", token: desk.requester.token)
            #expect(forRequester.status == .ok)
            #expect(forRequester.items.map { $0["id"] as? Int } == [vpn])
            #expect(forRequester.items.first?["solution"] == nil)
            let forStaff = try await api.call(.get, "/api/v1/kb/suggest?q=\(text)", token: desk.agent.token)
            #expect(Set(forStaff.items.compactMap { $0["id"] as? Int }) == [vpn, internalVPN])
            // a text sharing one word of many is not enough
            let loose = try await api.call(
                .get, "/api/v1/kb/suggest?q=\(Self.encoded("今天会议室的投影仪没有画面，可能是线的问题"))",
                token: desk.requester.token)
            #expect(loose.items.isEmpty)
            let paper = try await api.call(
                .get, "/api/v1/kb/suggest?q=\(Self.encoded("三楼打印机卡纸了"))", token: desk.requester.token)
            #expect(paper.items.map { $0["id"] as? Int } == [printer])
            #expect(try await api.call(.get, "/api/v1/kb/suggest?q=", token: desk.requester.token).items.isEmpty)
            let tooMany = try await api.call(.get, "/api/v1/kb/suggest?q=x&limit=50", token: desk.requester.token)
            #expect(tooMany.status == .badRequest && tooMany.errorCode == "invalid_parameter")
        }
    }

    @Test(
        "R6.2 search scope=kb and scope=all find articles; an empty search is kept as a gap; deflection and votes are counted",
        arguments: TestStores.kinds)
    func searchGapsAndReaders(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            let created = try await api.call(.post, "/api/v1/kb/articles", token: desk.agent.token, json: Self.vpn)
            let id = try #require(created["id"] as? Int)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.agent.token)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
            let ticket = try await api.submitVPNTicket(desk.requester.token)
            api.clock.advance(by: 60)
            // scope=kb: articles only; scope=all: the article first, then tickets; tickets: tickets only
            let q = Self.encoded("VPN")
            let kb = try await api.call(.get, "/api/v1/search?q=\(q)&scope=kb", token: desk.requester.token)
            #expect(kb.items.map { $0["kind"] as? String } == ["kb"] && kb.items.first?["id"] as? Int == id)
            let all = try await api.call(.get, "/api/v1/search?q=\(q)", token: desk.requester.token)
            #expect(all.items.map { $0["kind"] as? String } == ["kb", "ticket"], "\(all.json)")
            #expect(all.items.last?["number"] as? String == ticket)
            let tickets = try await api.call(.get, "/api/v1/search?q=\(q)&scope=tickets", token: desk.requester.token)
            #expect(tickets.items.map { $0["kind"] as? String } == ["ticket"])
            // whitespace finds nothing (it does not list every article)
            let blank = try await api.call(.get, "/api/v1/search?q=%20%20&scope=kb", token: desk.requester.token)
            #expect(blank.status == .ok && blank.items.isEmpty)
            // a staff search of everything, or one narrowed by a filter, is no gap; a requester's is
            _ = try await api.call(.get, "/api/v1/search?q=\(Self.encoded("打印机"))", token: desk.agent.token)
            _ = try await api.call(
                .get, "/api/v1/kb/articles?q=\(Self.encoded("邮箱"))&status=draft", token: desk.agent.token)
            _ = try await api.call(.get, "/api/v1/search?q=\(Self.encoded("投影仪"))", token: desk.requester.token)
            // a search that finds no article is a gap, once per query, counted
            for _ in 0..<2 {
                _ = try await api.call(
                    .get, "/api/v1/search?q=\(Self.encoded("蓝屏 死机"))&scope=kb", token: desk.requester.token)
            }
            // opened from the intake form, and no ticket in the next 24 h: deflected
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)?from=intake", token: desk.requester.token).status
                    == .ok)
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)?from=mail", token: desk.requester.token).status
                    == .badRequest)
            api.clock.advance(by: 2 * 86_400)
            let insights = try await api.call(.get, "/api/v1/kb/insights", token: desk.supervisor.token)
            #expect(insights.status == .ok)
            let gaps = insights["gaps"] as? [[String: Any]] ?? []
            #expect(gaps.first?["query"] as? String == "蓝屏 死机" && gaps.first?["searches"] as? Int == 2)
            #expect(gaps.compactMap { $0["query"] as? String }.sorted() == ["投影仪", "蓝屏 死机"])
            #expect(insights["intakeOpenings"] as? Int == 1 && insights["deflected"] as? Int == 1)
            #expect(try await api.call(.get, "/api/v1/kb/insights", token: desk.requester.token).status == .forbidden)
            // votes
            let vote = try await api.call(
                .post, "/api/v1/kb/articles/\(id)/feedback", token: desk.requester.token,
                json: ["helpful": false, "reason": "我的客户端没有这个按钮"])
            #expect(vote.status == .ok && vote["notHelpful"] as? Int == 1 && vote["helpful"] as? Int == 0)
            let changed = try await api.call(
                .post, "/api/v1/kb/articles/\(id)/feedback", token: desk.requester.token, json: ["helpful": true])
            #expect(changed["helpful"] as? Int == 1 && changed["notHelpful"] as? Int == 0)
        }
    }

    @Test("bad input: a clear 4xx with a code, nothing saved", arguments: TestStores.kinds)
    func badInput(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            let token = desk.agent.token
            let cases: [(String, [String: Any], HTTPStatusCodeCase, String)] = [
                ("no title", ["symptom": "x"], .unprocessable, "field_required"),
                ("blank title", ["title": "   "], .unprocessable, "invalid_value"),
                ("long title", ["title": String(repeating: "长", count: 201)], .unprocessable, "invalid_value"),
                ("eleven tags", ["title": "t", "tags": (1...11).map { "t\($0)" }], .unprocessable, "invalid_value"),
                (
                    "eleven blank tags", ["title": "t", "tags": Array(repeating: "", count: 11)], .unprocessable,
                    "invalid_value"
                ),
                ("no such category", ["title": "t", "categoryId": 999], .unprocessable, "invalid_reference"),
                (
                    "no such ticket", ["title": "t", "ticketNumbers": ["TS19990101001"]], .unprocessable,
                    "invalid_reference"
                ),
                ("bad visibility", ["title": "t", "visibility": "secret"], .badRequest, "invalid_json"),
            ]
            for (name, body, status, code) in cases {
                let response = try await api.call(.post, "/api/v1/kb/articles", token: token, json: body)
                #expect(
                    response.status.code == status.rawValue && response.errorCode == code, "\(name): \(response.json)")
            }
            #expect(try await api.call(.get, "/api/v1/kb/articles", token: token).items.isEmpty)
            let created = try await api.call(.post, "/api/v1/kb/articles", token: token, json: ["title": "t"])
            let id = try #require(created["id"] as? Int)
            let noRevision = try await api.call(.put, "/api/v1/kb/articles/\(id)", token: token, json: ["title": "u"])
            #expect(noRevision.status == .unprocessableContent && noRevision.errorCode == "field_required")
            #expect(try await api.call(.get, "/api/v1/kb/articles?status=gone", token: token).status == .badRequest)
            #expect(try await api.call(.get, "/api/v1/kb/articles/0", token: token).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/kb/articles/abc", token: token).status == .badRequest)
            #expect(
                try await api.call(.get, "/api/v1/kb/articles/\(id)/compare?from=1", token: token).status == .badRequest
            )
            #expect(try await api.call(.get, "/api/v1/kb/articles/\(id)/revisions/9", token: token).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/search?q=x&scope=everything", token: token).status == .badRequest)
            // a parameter longer than the document allows is refused; cursor 0 is the first page
            let longTicket = try await api.call(
                .get, "/api/v1/kb/articles?ticket=" + String(repeating: "0", count: 65), token: token)
            #expect(longTicket.status == .badRequest && longTicket.errorCode == "invalid_parameter")
            #expect(try await api.call(.get, "/api/v1/search?q=x&scope=tickets&cursor=0", token: token).status == .ok)
            let nullBody = try await api.call(
                .post, "/api/v1/kb/articles", token: token,
                raw: #"{"title": "空值", "ticketNumbers": null, "tags": null}"#)
            #expect(nullBody.status == .created)
            #expect(try await api.call(.get, "/api/v1/kb/articles/\(id)", token: token)["title"] as? String == "t")
        }
    }

    enum HTTPStatusCodeCase: Int {
        case badRequest = 400
        case unprocessable = 422
    }

    @Test(
        "R6.2 the acknowledgement names the best published public articles: in the API's answer and in the mail's",
        arguments: TestStores.kinds)
    func acknowledgementSuggestions(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            func publish(_ body: [String: Any]) async throws -> Int {
                let created = try await api.call(.post, "/api/v1/kb/articles", token: desk.agent.token, json: body)
                let id = try #require(created["id"] as? Int, "\(created.json)")
                _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.agent.token)
                _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.supervisor.token)
                return id
            }
            let visible = try await publish(Self.vpn)
            var internalOnly = Self.vpn
            internalOnly["title"] = "VPN 客户端无法连接（内部排查）"
            internalOnly["visibility"] = "internal"
            _ = try await publish(internalOnly)
            // the API's answer to a requester's new ticket
            let created = try await api.call(
                .post, "/api/v1/tickets", token: desk.requester.token,
                json: [
                    "title": "VPN 客户端无法连接", "description": "提示证书无效", "impact": "low", "urgency": "medium",
                    "categoryId": 6, "contact": "13812345678",
                ])
            let suggested = try #require(created["suggestedArticles"] as? [[String: Any]], "\(created.json)")
            #expect(suggested.map { $0["id"] as? Int } == [visible])
            #expect(suggested.first?["solution"] == nil && suggested.first?["ticketNumbers"] as? [String] == [])
            let printer = try await api.call(
                .post, "/api/v1/tickets", token: desk.requester.token,
                json: [
                    "title": "打印机卡纸", "description": "三楼打印机", "impact": "low", "urgency": "medium",
                    "categoryId": 6, "contact": "13812345678",
                ])
            #expect((printer["suggestedArticles"] as? [Any])?.isEmpty == true, "\(printer.json)")
            // the mail's: the notice carries the titles, the text lists them
            _ = try await MailIntakeTests.intake(api).take(
                MailIntakeTests.mail(subject: "VPN 客户端无法连接", body: "在家连不上，提示证书无效"), channelId: nil)
            _ = try await api.store.dispatchNotifications(now: api.clock.now, limit: 10, email: false)
            let sender = try #require(try await api.store.user(email: "zhangsan@corp.example.cn"))
            let notice = try #require(
                try await api.store.inbox(userId: sender.id, unreadOnly: true, before: nil, limit: 10).first)
            #expect(notice.kind == "acknowledged" && notice.arguments["articles"] == "VPN 客户端无法连接", "\(notice)")
            let renderer = NoticeRenderer(localizer: APIHarness.localizer, timeZone: Shanghai.timeZone)
            let zh = renderer.render(kind: notice.kind, arguments: notice.arguments, locale: "zh-CN").body
            #expect(zh.hasSuffix("「知识库」中按标题查找：\n· VPN 客户端无法连接"), "\(zh)")
            let en = renderer.render(kind: notice.kind, arguments: notice.arguments, locale: "en").body
            #expect(en.contains("Knowledge base:\n· VPN 客户端无法连接"), "\(en)")
            let plain = renderer.render(kind: notice.kind, arguments: ["number": "TS1"], locale: "zh-CN").body
            #expect(!plain.contains("知识") && !plain.contains("{articles}"), "\(plain)")
        }
    }

    @Test(
        "R6.2 reviewers hear an article waits for them; its writers hear it was sent back or published, not its reviewer",
        arguments: TestStores.kinds)
    func reviewNotices(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let desk = try await Self.desk(api)
            func inbox(_ token: String) async throws -> [(kind: String, title: String)] {
                _ = try await api.store.dispatchNotifications(now: api.clock.now, limit: 50, email: false)
                return try await api.call(.get, "/api/v1/notifications?unread=true", token: token).items.map {
                    ($0["kind"] as? String ?? "", $0["title"] as? String ?? "")
                }
            }
            let created = try await api.call(.post, "/api/v1/kb/articles", token: desk.agent.token, json: Self.vpn)
            let id = try #require(created["id"] as? Int)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.agent.token)
            #expect(try await inbox(desk.supervisor.token).map(\.kind) == ["kb_review_requested"])
            #expect(try await inbox(desk.manager.token).map(\.kind) == ["kb_review_requested"])
            #expect(try await inbox(desk.agent.token).isEmpty)
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/return", token: desk.supervisor.token)
            let returned = try await inbox(desk.agent.token)
            #expect(returned.map(\.kind) == ["kb_returned"] && returned.first?.title == "知识文章被退回修改：VPN 客户端无法连接")
            // the supervisor edits it too, then a problem manager publishes: both writers hear it
            _ = try await api.call(
                .put, "/api/v1/kb/articles/\(id)", token: desk.supervisor.token,
                json: ["cause": "客户端证书过期（已确认）", "revision": 1])
            _ = try await api.call(.post, "/api/v1/kb/articles/\(id)/submit", token: desk.agent.token)
            let published = try await api.call(.post, "/api/v1/kb/articles/\(id)/publish", token: desk.manager.token)
            #expect(published["status"] as? String == "published", "\(published.json)")
            #expect(try await inbox(desk.agent.token).map(\.kind).contains("kb_published"))
            #expect(try await inbox(desk.supervisor.token).map(\.kind).contains("kb_published"))
            #expect(try await !inbox(desk.manager.token).map(\.kind).contains("kb_published"))
            // the web inbox leads to the article
            let browser = WebBrowser(api)
            _ = try await browser.signIn("wanggong")
            let page = try await browser.get("/notifications")
            #expect(page.html.contains("href=\"/kb/articles/\(id)\""), "\(page.html)")
            #expect(page.html.contains("知识文章已发布：VPN 客户端无法连接"))
        }
    }
}
