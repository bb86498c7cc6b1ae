import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import SQLKit
import Testing

@Suite("The words of plain-text attachments in the search index, on each store")
struct AttachmentSearchTests {
    static let at = Shanghai.date("2026-12-07 10:00")

    static func count(_ store: SQLStore, _ text: String, scope: Access.ListScope = .all) async throws -> Int {
        try await SearchIndexTests.all(store, try #require(SearchQuery(text)), scope: scope).count
    }

    static func log(_ text: String, name: String = "vpn-client.log") -> AttachmentUpload {
        AttachmentUpload(filename: name, contentType: "text/plain", data: Data(text.utf8), text: text)
    }

    @Test(
        "a log handed in at intake or added later is found by its words, by staff and by its requester",
        arguments: TestStores.kinds)
    func indexed(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            let requester = try await TicketFactory.user(in: store, "li", role: .requester)
            let first = try await TicketFactory.create(
                in: store, TicketFactory.input(title: "VPN 连不上", requester: requester.asRequester),
                attachments: [Self.log("2026-12-07 09:58 握手超时 tunnel=GW-7 错误码 E7731")], by: admin.actor,
                at: Self.at)
            let second = try await TicketFactory.create(
                in: store, TicketFactory.input(title: "打印机卡纸", requester: admin.asRequester), by: admin.actor,
                at: Self.at)
            #expect(try await Self.count(store, "握手超时") == 1)
            #expect(try await Self.count(store, "E7731") == 1)
            #expect(try await Self.count(store, "握手超时", scope: .requester(id: requester.id, department: nil)) == 1)
            // added on the ticket page: the ticket is reindexed in the change's transaction
            #expect(try await Self.count(store, "硒鼓型号") == 0)
            _ = try await store.updateTicket(number: second.number) { current, _ in
                try TicketOperations.attach(
                    [Self.log("硒鼓型号 CF226A 缺货", name: "inventory.csv")], maxBytes: 1 << 20, to: current,
                    by: admin.actor, at: Self.at.addingTimeInterval(60))
            }
            #expect(try await Self.count(store, "硒鼓型号") == 1)
            // a file that is not text adds nothing, and the snippets read the same texts
            _ = try await store.updateTicket(number: second.number) { current, _ in
                try TicketOperations.attach(
                    [AttachmentUpload(filename: "截图.png", contentType: "image/png", data: Data("截图文字".utf8))],
                    maxBytes: 1 << 20, to: current, by: admin.actor, at: Self.at.addingTimeInterval(120))
            }
            #expect(try await Self.count(store, "截图文字") == 0)
            let texts = try await store.searchTexts(ticketIds: [first.id, second.id], includeInternal: false)
            #expect(texts[first.id]?.last == "2026-12-07 09:58 握手超时 tunnel=GW-7 错误码 E7731")
            #expect(texts[second.id]?.last == "硒鼓型号 CF226A 缺货")
        }
    }

    @Test("archiving that drops a ticket's files drops their words from the index", arguments: TestStores.kinds)
    func archivedFiles(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(title: "报表导出失败", requester: admin.asRequester),
                attachments: [Self.log("导出任务 OOM killed 在第三步")], by: admin.actor, at: Self.at)
            #expect(try await Self.count(store, "OOM") == 1)
            _ = try await store.updateTicket(number: ticket.number) { current, _ in
                var change = TicketChange(ticket: current, events: [])
                change.ticket.version += 1
                change.scrub = ArchiveScrub(requesterUserId: nil, maskedName: "", dropAttachments: true)
                return change
            }
            #expect(try await store.attachments(ticketId: ticket.id).isEmpty)
            #expect(try await Self.count(store, "OOM") == 0)
            #expect(try await Self.count(store, "报表导出") == 1)
        }
    }

    @Test(
        "files stored before their words were indexed are read once, newest first, a batch per transaction",
        arguments: TestStores.kinds)
    func storedBefore(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            // As before M026: files without their words, and the setting the migration writes.
            var tickets: [Ticket] = []
            for index in 0..<5 {
                let file = AttachmentUpload(
                    filename: "trace-\(index).log", contentType: "application/octet-stream",
                    data: Data("数据库死锁 trace \(index)".utf8))
                tickets.append(
                    try await TicketFactory.create(
                        in: store, TicketFactory.input(title: "系统慢 \(index)", requester: admin.asRequester),
                        attachments: [file], by: admin.actor, at: Self.at))
            }
            let last = try #require(try await store.attachments(ticketId: tickets[4].id).first?.id)
            _ = try await store.settingOrInsert("search.attachments_unread_below", last + 1, now: Self.at)
            #expect(try await Self.count(store, "死锁") == 0)
            let read = Counter()
            var batches = 0
            while try await store.examineAttachmentsForSearch(
                limit: 2,
                reading: { file, data in
                    read.add(file.filename)
                    return String(decoding: data, as: UTF8.self)
                })
            {
                batches += 1
            }
            #expect(batches == 2)
            #expect(read.values == (0..<5).reversed().map { "trace-\($0).log" })
            #expect(try await Self.count(store, "死锁") == 5)
            // done: a second run reads nothing
            #expect(try await !store.examineAttachmentsForSearch(limit: 2, reading: { _, _ in "x" }))
            #expect(read.values.count == 5)
        }
    }
}

/// Names collected from a `@Sendable` closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.withLock { names.append(name) } }
    var values: [String] { lock.withLock { names } }
}
