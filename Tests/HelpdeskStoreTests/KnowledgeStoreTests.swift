import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Knowledge base on each store (R6.2)")
struct KnowledgeStoreTests {
    static let now = Shanghai.date("2026-12-07 10:00")

    static func article(
        _ title: String, solution: String = "", status: KBStatus = .published,
        visibility: KBVisibility = .public, tags: [String] = []
    ) -> KBArticle {
        KBArticle(
            content: KBContent(
                title: title, symptom: "", cause: "", solution: solution, tags: tags, visibility: visibility),
            status: status, authorId: 1, createdAt: now)
    }

    @Test(
        "every query of 1–10 Han characters finds exactly the articles whose texts contain it, in the statuses and visibility asked",
        arguments: TestStores.kinds)
    func exactForChinese(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: 90 articles of generated texts in every status and both visibilities
            var random = SeededRandom(seed: 24)
            var articles: [Int64: KBArticle] = [:]
            for index in 0..<90 {
                var article = KBArticle(
                    content: KBContent(
                        title: SearchIndexTests.text(&random, words: 3),
                        symptom: SearchIndexTests.text(&random, words: 6),
                        cause: index % 3 == 0 ? "" : SearchIndexTests.text(&random, words: 4),
                        solution: "1. " + SearchIndexTests.text(&random, words: 4) + "\n2. **"
                            + SearchIndexTests.text(&random, words: 2) + "**",
                        tags: index % 4 == 0 ? ["vpn"] : [],
                        visibility: index % 2 == 0 ? .public : .internal),
                    status: KBStatus.allCases[index % 4], authorId: 1, createdAt: Self.now)
                article = try await store.createArticle(article, note: .created)
                articles[article.id] = article
            }
            // queries: substrings of the texts, and phrases that occur nowhere
            var queries = ["数据库连接错误", "CRM系统", "ＣＲＭ系统", "库", "据库", "误", "连接 错误", "数据据", "库库"]
            let texts = articles.values.flatMap { $0.content.searchParts }.filter { !$0.isEmpty }
            queries += SearchIndexTests.queries(from: texts, count: 80 - queries.count, using: &random)
            // then: the hits are the substring matches, for staff (every status) and requesters
            // (published and public), in both orders
            var nonEmpty = 0
            for text in queries {
                let query = try #require(SearchQuery(text))
                let matching = articles.filter { SearchIndexTests.contains($0.value.content.searchParts, query) }
                var staff = KBQuery()
                staff.search = query
                #expect(try await Self.all(store, staff) == Set(matching.keys), "\(text) for staff")
                var requester = staff
                requester.statuses = [.published]
                requester.visibility = .public
                let published = matching.filter {
                    $0.value.status == .published && $0.value.content.visibility == .public
                }
                #expect(try await Self.all(store, requester) == Set(published.keys), "\(text) for a requester")
                if !matching.isEmpty { nonEmpty += 1 }
            }
            #expect(nonEmpty > 60)
            // and the tag filter finds the tagged ones only
            var tagged = KBQuery()
            tagged.tag = "vpn"
            #expect(try await Self.all(store, tagged) == Set(articles.filter { $0.value.content.tags == ["vpn"] }.keys))
        }
    }

    /// Every hit, paging through by relevance and newest first; both orders hold the same set.
    static func all(_ store: SQLStore, _ query: KBQuery) async throws -> Set<Int64> {
        var sets: [[Int64]] = []
        for order in KBQuery.Order.allCases {
            var paged = query
            paged.order = order
            paged.limit = 7
            var ids: [Int64] = []
            while true {
                let page = try await store.articles(paged)
                ids += page.articles.map(\.id)
                guard let next = page.nextOffset else { break }
                paged.offset = next
            }
            #expect(Set(ids).count == ids.count)
            sets.append(ids)
        }
        #expect(Set(sets[0]) == Set(sets[1]))
        return Set(sets[0])
    }

    @Test(
        "a save over a newer revision is refused with the current one; every save is kept", arguments: TestStores.kinds)
    func revisions(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let created = try await store.createArticle(Self.article("VPN 无法连接", status: .draft), note: .created)
            var changed = created.content
            changed.solution = "重启客户端"
            // when: two editors save over revision 1
            let first = try await store.reviseArticle(
                id: created.id, content: changed, from: .draft, to: .draft, editorId: 2, expectedRevision: 1,
                note: .edited,
                now: Self.now.addingTimeInterval(60))
            await #expect(throws: KBRevisionConflict(current: 2)) {
                try await store.reviseArticle(
                    id: created.id, content: created.content, from: .draft, to: .draft, editorId: 3,
                    expectedRevision: 1,
                    note: .edited, now: Self.now.addingTimeInterval(120))
            }
            // then: the first save is revision 2, the article's text, and both revisions are kept
            #expect(first.revision == 2 && first.editorId == 2 && first.content.solution == "重启客户端")
            let revisions = try await store.articleRevisions(id: created.id)
            #expect(revisions.map(\.number) == [2, 1])
            #expect(revisions.map(\.note) == [.edited, .created])
            #expect(revisions.last?.content == created.content)
            // and the index follows the text: the old word is gone, the new one found
            var query = KBQuery()
            query.search = SearchQuery("重启")
            #expect(try await store.articles(query).articles.map(\.id) == [created.id])
            await #expect(throws: StoreError.self) {
                try await store.reviseArticle(
                    id: 999, content: changed, from: .draft, to: .draft, editorId: 2, expectedRevision: 1,
                    note: .edited,
                    now: Self.now)
            }
        }
    }

    @Test(
        "a status moves only from the status and revision it was read in; a save read before a status change is refused",
        arguments: TestStores.kinds)
    func statusMoves(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let created = try await store.createArticle(Self.article("打印机卡纸", status: .review), note: .created)
            // a reviewer who read another revision publishes nothing
            #expect(
                try await store.setArticleStatus(
                    id: created.id, from: .review, to: .published, revision: 2, reviewerId: 7, notices: [],
                    now: Self.now) == nil)
            let published = try await store.setArticleStatus(
                id: created.id, from: .review, to: .published, revision: 1, reviewerId: 7, notices: [], now: Self.now)
            #expect(published?.status == .published && published?.reviewerId == 7 && published?.publishedAt == Self.now)
            // a second reviewer who read it in review too changes nothing
            #expect(
                try await store.setArticleStatus(
                    id: created.id, from: .review, to: .draft, revision: nil, reviewerId: 8, notices: [], now: Self.now)
                    == nil)
            #expect(try await store.article(id: created.id)?.status == .published)
            // an editor who read it in review saves nothing over the published article
            await #expect(throws: KBRevisionConflict(current: 1)) {
                try await store.reviseArticle(
                    id: created.id, content: created.content, from: .review, to: .review, editorId: 2,
                    expectedRevision: 1, note: .edited, now: Self.now)
            }
        }
    }

    @Test(
        "suggestion candidates share any token with the text, published only, public only for requesters",
        arguments: TestStores.kinds)
    func candidates(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let vpn = try await store.createArticle(Self.article("VPN 客户端无法连接", solution: "检查证书"), note: .created)
            let internalVPN = try await store.createArticle(
                Self.article("VPN 网关重启步骤", visibility: .internal), note: .created)
            _ = try await store.createArticle(Self.article("VPN 草稿", status: .draft), note: .created)
            let printer = try await store.createArticle(Self.article("打印机卡纸"), note: .created)
            let tokens = SearchAnalyzer.tokens(of: "我的vpn连接不上")
            let staff = try await store.articleCandidates(tokens: tokens, publicOnly: false, limit: 10)
            #expect(Set(staff.map(\.article.id)) == [vpn.id, internalVPN.id])
            let requester = try await store.articleCandidates(tokens: tokens, publicOnly: true, limit: 10)
            #expect(requester.map(\.article.id) == [vpn.id])
            #expect(
                try await store.articleCandidates(tokens: ["卡纸"], publicOnly: true, limit: 10).map(\.article.id) == [
                    printer.id
                ]
            )
            #expect(try await store.articleCandidates(tokens: [], publicOnly: true, limit: 10).isEmpty)
        }
    }

    @Test(
        "votes: one per reader, the last one counts; gaps are counted; deflection is the openings with no ticket after",
        arguments: TestStores.kinds)
    func readers(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let article = try await store.createArticle(Self.article("邮箱已满"), note: .created)
            let alice = try await TicketFactory.user(in: store, "alice", role: .requester)
            let bob = try await TicketFactory.user(in: store, "bob", role: .requester)
            // when: alice votes twice, bob once
            _ = try await store.recordArticleFeedback(
                id: article.id, userId: alice.id, helpful: false, reason: "没用", now: Self.now)
            _ = try await store.recordArticleFeedback(
                id: article.id, userId: alice.id, helpful: true, reason: nil, now: Self.now)
            let votes = try await store.recordArticleFeedback(
                id: article.id, userId: bob.id, helpful: false, reason: "步骤不对", now: Self.now)
            // then
            #expect(votes == KBVotes(helpful: 1, notHelpful: 1))
            #expect(try await store.article(id: article.id)?.votes == KBVotes(helpful: 1, notHelpful: 1))

            // gaps: counted per query
            for _ in 0..<3 { try await store.recordKnowledgeGap(query: "蓝屏", now: Self.now) }
            try await store.recordKnowledgeGap(query: "wifi", now: Self.now.addingTimeInterval(60))
            let gaps = try await store.knowledgeGaps(since: Self.now.addingTimeInterval(-86_400), limit: 10)
            #expect(gaps.map(\.query) == ["蓝屏", "wifi"] && gaps.map(\.searches) == [3, 1])
            try await store.clearKnowledgeGap(query: "wifi")
            #expect(
                try await store.knowledgeGaps(since: Self.now.addingTimeInterval(-86_400), limit: 10).map(\.query) == [
                    "蓝屏"
                ])

            // deflection: alice opened it and submitted nothing within 24 h; bob submitted a ticket an hour later
            try await store.recordArticleView(id: article.id, userId: alice.id, source: "intake", now: Self.now)
            // a reload an hour later is the same opening
            try await store.recordArticleView(
                id: article.id, userId: alice.id, source: "intake", now: Self.now.addingTimeInterval(3_600))
            try await store.recordArticleView(id: article.id, userId: bob.id, source: "intake", now: Self.now)
            _ = try await TicketFactory.create(
                in: store, TicketFactory.input(title: "邮箱还是满", requester: bob.asRequester), by: bob.actor,
                at: Self.now.addingTimeInterval(3_600))
            let later = Self.now.addingTimeInterval(2 * 86_400)
            let counted = try await store.deflections(since: Self.now.addingTimeInterval(-86_400), now: later)
            #expect(counted.opened == 2 && counted.deflected == 1)
            // an opening less than 24 h old is not counted yet
            let early = try await store.deflections(
                since: Self.now.addingTimeInterval(-86_400), now: Self.now.addingTimeInterval(3_600))
            #expect(early.opened == 0)
        }
    }
}
