import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import SQLKit
import Testing

@Suite("Search index on each store (R6.2)")
struct SearchIndexTests {
    /// Words the generated corpus is made of: Chinese phrases that share characters (so that
    /// bigrams recur in different texts), Latin and digit codes, full-width forms.
    static let words = [
        "数据库", "连接", "错误", "数据", "库存", "系统", "CRM系统", "铁路12306", "E1001", "打印机", "卡纸", "无法",
        "登录", "财务", "报销", "单据", "网络", "断开", "ＶＰＮ", "客户端", "升级", "失败", "密码", "重置", "邮箱",
        "已满", "库", "据", "接错", "误报", "OA", "审批", "流程", "卡住", "v2.0", "１２３",
    ]
    static let separators = ["", "", "", " ", "，", "。", "-", "\n"]

    struct Doc {
        var number: String
        var requesterId: Int64
        var publicParts: [String]
        var internalParts: [String]
    }

    static func text(_ random: inout SeededRandom, words: Int) -> String {
        (0..<words).map { _ in
            Self.words.randomElement(using: &random)! + Self.separators.randomElement(using: &random)!
        }.joined()
    }

    @Test(
        "every query of 1–10 Han characters, with Latin and digits or without, finds exactly the tickets whose text contains it",
        arguments: TestStores.kinds)
    func exactForChinese(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: 120 tickets with generated titles, descriptions and work-log entries, some internal
            var random = SeededRandom(seed: 12)
            let admin = try await store.user(id: 1)!
            let alice = try await TicketFactory.user(in: store, "alice", role: .requester)
            let bob = try await TicketFactory.user(in: store, "bob", role: .requester)
            var docs: [Int64: Doc] = [:]
            for index in 0..<120 {
                let requester = index % 2 == 0 ? alice : bob
                var input = TicketFactory.input(
                    title: Self.text(&random, words: 3), requester: requester.asRequester)
                input.description = Self.text(&random, words: 8)
                let ticket = try await TicketFactory.create(
                    in: store, input, by: requester.actor, at: Shanghai.date("2026-11-23 10:00"))
                var doc = Doc(
                    number: ticket.number, requesterId: requester.id,
                    publicParts: [ticket.number, ticket.title, ticket.description], internalParts: [])
                for entry in 0..<(index % 3) {
                    let body = Self.text(&random, words: 5)
                    let visibility: TicketEvent.Visibility = entry == 0 ? .internal : .public
                    _ = try await store.updateTicket(number: ticket.number) { current, rules in
                        try TicketOperations.addWorklog(
                            body, visibility: visibility, to: current, by: admin.actor,
                            at: Shanghai.date("2026-11-23 10:05"), rules: rules)
                    }
                    if visibility == .public { doc.publicParts.append(body) } else { doc.internalParts.append(body) }
                }
                docs[ticket.id] = doc
            }
            // queries: substrings of the texts, and phrases that occur nowhere
            var queries = ["数据库连接错误", "CRM系统", "ＣＲＭ系统", "铁路12306", "库", "据库", "误", "E1001错误", "系统crm", "连接 错误"]
            let texts = docs.values.flatMap { $0.publicParts.dropFirst() + $0.internalParts }
            queries += Self.queries(from: texts, count: 120 - queries.count, using: &random)
            queries += ["数据据", "库库", "错误数据库连接打印机"]
            // then: for staff and for a requester, the hits are the substring matches, no more, no fewer
            var nonEmpty = 0
            for text in queries {
                let query = try #require(SearchQuery(text))
                let expected = Set(
                    docs.filter { _, doc in Self.contains(doc.publicParts + doc.internalParts, query) }.keys)
                let found = try await Self.all(store, query, scope: .all)
                #expect(
                    found == expected,
                    "\(text): missed \(expected.subtracting(found).map { docs[$0]!.publicParts + docs[$0]!.internalParts }), extra \(found.subtracting(expected).map { docs[$0]!.publicParts + docs[$0]!.internalParts })"
                )
                let alicesView = Set(
                    docs.filter { _, doc in doc.requesterId == alice.id && Self.contains(doc.publicParts, query) }.keys)
                #expect(
                    try await Self.all(store, query, scope: .requester(id: alice.id, department: nil)) == alicesView,
                    "\(text) for alice")
                if !expected.isEmpty { nonEmpty += 1 }
            }
            #expect(nonEmpty > 100)
        }
    }

    /// `count` queries cut from `texts` at random: 1–10 characters, every term with a Han
    /// character (a bare word matches the words it begins instead; see `words`).
    static func queries(from texts: [String], count: Int, using random: inout SeededRandom) -> [String] {
        var queries: [String] = []
        while queries.count < count {
            let scalars = Array(SearchAnalyzer.normalize(texts.randomElement(using: &random)!).unicodeScalars)
            guard !scalars.isEmpty else { continue }
            let start = Int.random(in: 0..<scalars.count, using: &random)
            let length = Int.random(in: 1...10, using: &random)
            let query = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + length)]))
            let terms = query.split(whereSeparator: { $0.isWhitespace })
            guard
                !terms.isEmpty,
                terms.allSatisfy({
                    $0.unicodeScalars.contains(where: { SearchAnalyzer.characterClass(of: $0) == .ideographic })
                })
            else { continue }
            queries.append(query)
        }
        return queries
    }

    /// Each term is a substring of one part (parts are never joined for matching).
    static func contains(_ parts: [String], _ query: SearchQuery) -> Bool {
        let normalized = parts.map(SearchAnalyzer.normalize)
        return query.terms.allSatisfy { term in normalized.contains { $0.contains(term.text) } }
    }

    /// Every hit, paging through newest first; the relevance order must hold the same set.
    static func all(_ store: SQLStore, _ query: SearchQuery, scope: Access.ListScope) async throws -> Set<Int64> {
        var ids: [Int64] = []
        var request = SearchRequest(query: query, scope: scope)
        request.order = .newest
        request.limit = 7
        repeat {
            let page = try await store.search(request)
            ids += page.tickets.map(\.id)
            request.cursor = page.nextCursor
        } while request.cursor != nil
        #expect(ids == ids.sorted(by: >) && Set(ids).count == ids.count)
        var ranked = SearchRequest(query: query, scope: scope)
        ranked.limit = 100
        var byRelevance: [Int64] = []
        repeat {
            let page = try await store.search(ranked)
            byRelevance += page.tickets.map(\.id)
            ranked.cursor = page.nextCursor
        } while ranked.cursor != nil
        #expect(Set(byRelevance) == Set(ids) && byRelevance.count == ids.count)
        return Set(ids)
    }

    @Test(
        "a one-word query finds the words it begins, case and width folded; the list's q= uses the same index",
        arguments: TestStores.kinds)
    func words(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            for title in ["VPN 客户端无法连接", "错误码 E1001 出现", "OA审批卡住", "ＶＰＮ断开", "vpnclient 升级"] {
                try await TicketFactory.create(
                    in: store, TicketFactory.input(title: title, requester: admin.asRequester), by: admin.actor,
                    at: Shanghai.date("2026-11-23 10:00"))
            }
            func titles(_ text: String) async throws -> [String] {
                var request = SearchRequest(query: try #require(SearchQuery(text)), scope: .all)
                request.order = .newest
                return try await store.search(request).tickets.map(\.title)
            }
            #expect(try await titles("vpn") == ["vpnclient 升级", "ＶＰＮ断开", "VPN 客户端无法连接"])
            #expect(try await titles("VPNC") == ["vpnclient 升级"])
            #expect(try await titles("e100") == ["错误码 E1001 出现"])
            #expect(try await titles("1001").isEmpty)
            #expect(try await titles("oa审批") == ["OA审批卡住"])
            var list = TicketQuery(scope: .all)
            list.text = "审批卡"
            #expect(try await store.tickets(list, now: Date()).tickets.map(\.title) == ["OA审批卡住"])
        }
    }

    @Test(
        "the index follows the ticket in its own transaction: new entries, edits, and tickets from before the index",
        arguments: TestStores.kinds)
    func followsChanges(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(title: "打印机卡纸", requester: admin.asRequester), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            func count(_ text: String) async throws -> Int {
                try await SearchIndexTests.all(store, try #require(SearchQuery(text)), scope: .all).count
            }
            #expect(try await count("硒鼓") == 0)
            _ = try await store.updateTicket(number: ticket.number) { current, rules in
                try TicketOperations.addWorklog(
                    "更换硒鼓后恢复", visibility: .internal, to: current, by: admin.actor,
                    at: Shanghai.date("2026-11-23 10:05"), rules: rules)
            }
            #expect(try await count("硒鼓") == 1)
            #expect(try await count("打印机") == 1)
            // tickets from before the index (rows copied past it) are indexed in batches, once
            try await BulkTickets.insert(450, copiesOf: ticket, prefix: "BK", into: store)
            #expect(try await count("打印机") == 1)
            #expect(try await !store.searchIndexIsComplete())
            var cursor: Int64 = 0
            var batches = 0
            while let last = try await store.indexUnindexedTickets(after: cursor, limit: 200) {
                cursor = last
                batches += 1
            }
            #expect(batches == 3)
            #expect(try await store.searchIndexIsComplete())
            #expect(try await count("打印机") == 451)
            // their events were indexed with them: the internal note too
            #expect(try await count("硒鼓") == 1)
        }
    }
}
