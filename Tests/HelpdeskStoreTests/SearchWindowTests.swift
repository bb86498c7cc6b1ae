import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import SQLKit
import Testing

@testable import HelpdeskStore

@Suite("Search over far-apart tickets: PostgreSQL's id windows widen until they hold the page (R6.2)")
struct SearchWindowTests {
    /// The highest id, and the lowest id of each window in turn (-1: all of them).
    static let windowCases: [(Int64, [Int64])] = [
        (0, [0]),
        (100, [0]),
        (2_047, [0]),
        (5_000, [3_072, 0]),
        (1_000_000, [998_400, 984_064, 884_736, 0]),
        (5_000_000, [4_998_144, 4_983_808, 4_882_432, 3_964_928, -1]),
    ]

    @Test(
        "the windows below the highest id: about 2 000, 16 000, 130 000 and a million ids, then all; one reaching id 0 is the last",
        arguments: Self.windowCases)
    func widening(highestId: Int64, lowestIds: [Int64]) {
        let windows = SearchWindow.widening(upTo: highestId)
        #expect(windows.map { $0?.lowestId ?? -1 } == lowestIds)
        for window in windows.compactMap({ $0 }) {
            // each names its ranges newest first, and they reach from its lowest id to the highest
            let shift = window.lexemes[0].hasPrefix("#f") ? SearchWindow.fineShift : SearchWindow.coarseShift
            let ranges = window.lexemes.map { Int64($0.dropFirst(2))! }
            #expect(ranges == Array((window.lowestId >> Int64(shift)...highestId >> Int64(shift)).reversed()))
        }
    }

    @Test("a window's tsquery is any of its ranges")
    func tsquery() {
        #expect(SearchWindow.widening(upTo: 5_000)[0]?.tsquery == "'#f4' | '#f3'")
    }

    /// Moves the next ticket id to `id`, as a desk that has made that many tickets.
    static func skipIds(to id: Int64, in store: SQLStore) async throws {
        try await store.database.transaction { db in
            switch store.database.dialect {
            case .sqlite:
                try await db.raw("UPDATE sqlite_sequence SET seq = \(bind: id - 1) WHERE name = 'tickets'").run()
            case .postgres:
                try await db.raw("SELECT setval(pg_get_serial_sequence('tickets', 'id'), \(bind: id - 1))").run()
            }
        }
    }

    @Test(
        "matches a million ids apart are all found, newest first and paged, by relevance, for staff and for a requester",
        arguments: TestStores.kinds)
    func farApart(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: tickets in runs far apart, as on a desk of a million tickets: 数据库 in some,
            // an internal note with 数据库 in one of alice's
            let admin = try await store.user(id: 1)!
            let alice = try await TicketFactory.user(in: store, "alice", role: .requester)
            var expected: [String: [Int64]] = ["数据库": [], "打印机": []]
            var alicePublic: [Int64] = []
            var note: Int64 = 0
            for (start, count) in [
                (Int64(0), 3), (3_000, 4), (40_000, 2), (300_000, 3), (1_100_000, 3), (1_103_000, 1),
            ] {
                if start > 0 { try await Self.skipIds(to: start, in: store) }
                for index in 0..<count {
                    let term = index % 2 == 0 ? "数据库" : "打印机"
                    let requester = index == 0 ? alice : admin
                    let ticket = try await TicketFactory.create(
                        in: store, TicketFactory.input(title: "\(term)连接错误 \(start)", requester: requester.asRequester),
                        by: requester.actor, at: Shanghai.date("2026-11-23 10:00"))
                    expected[term]!.append(ticket.id)
                    if requester.id == alice.id && term == "数据库" { alicePublic.append(ticket.id) }
                    if start == 40_000 && index == 1 {
                        note = ticket.id
                        _ = try await store.updateTicket(number: ticket.number) { current, rules in
                            try TicketOperations.addWorklog(
                                "数据库主从切换", visibility: .internal, to: current, by: admin.actor,
                                at: Shanghai.date("2026-11-23 10:05"), rules: rules)
                        }
                    }
                }
            }
            #expect(expected["数据库"]!.last! > 1_100_000)
            // then: staff find every match, the internal note's ticket too; a requester their own public ones
            for (text, ids) in expected {
                let query = try #require(SearchQuery(text))
                var all = Set(ids)
                if text == "数据库" { all.insert(note) }
                #expect(try await SearchIndexTests.all(store, query, scope: .all) == all)
                let own = try await SearchIndexTests.all(store, query, scope: .requester(id: alice.id, department: nil))
                #expect(own == (text == "数据库" ? Set(alicePublic) : []))
            }
            let switched = try #require(SearchQuery("主从切换"))
            #expect(try await SearchIndexTests.all(store, switched, scope: .all) == [note])
            #expect(
                try await SearchIndexTests.all(store, switched, scope: .requester(id: admin.id, department: nil))
                    .isEmpty)
            // and a page newest first holds the newest, the next page the rest
            var request = SearchRequest(query: try #require(SearchQuery("连接错误")), scope: .all)
            request.order = .newest
            request.limit = 2
            let first = try await store.search(request)
            let every = (expected["数据库"]! + expected["打印机"]!).sorted(by: >)
            #expect(first.tickets.map(\.id) == Array(every.prefix(2)))
            request.cursor = first.nextCursor
            #expect(try await store.search(request).tickets.map(\.id) == Array(every.dropFirst(2).prefix(2)))
        }
    }
}
