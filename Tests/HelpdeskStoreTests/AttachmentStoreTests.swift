import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Attachments and first-write-wins settings on each store")
struct AttachmentStoreTests {
    @Test("an attachment's bytes come back unchanged; lists carry metadata only", arguments: TestStores.kinds)
    func roundTrip(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let admin = try await store.user(id: 1)!
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            let bytes = Data([0, 1, 2, 255, 0x89, 0x50, 0x4E, 0x47] + Array("日志".utf8))
            // when
            let saved = try await store.addAttachment(
                Attachment(ticketId: ticket.id, filename: "错误日志.txt", contentType: "text/plain", uploadedBy: admin.id),
                data: bytes, now: Shanghai.date("2026-11-23 10:01"))
            // then
            #expect(saved.id > 0 && saved.size == bytes.count)
            let listed = try await store.attachments(ticketId: ticket.id)
            #expect(listed == [saved])
            let loaded = try #require(try await store.attachment(id: saved.id))
            #expect(loaded.attachment == saved && loaded.data == bytes && loaded.ticketNumber == ticket.number)
            #expect(try await store.attachment(id: saved.id + 1) == nil)
            await #expect(throws: StoreError.notFound("ticket")) {
                try await store.addAttachment(
                    Attachment(ticketId: 999_999, filename: "x", contentType: "text/plain", uploadedBy: admin.id),
                    data: bytes, now: Date())
            }
        }
    }

    @Test("settingOrInsert keeps the first value written", arguments: TestStores.kinds)
    func firstValueWins(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let first = try await store.settingOrInsert("session_secret", "aaa", now: Date())
            let second = try await store.settingOrInsert("session_secret", "bbb", now: Date())
            #expect(first == "aaa" && second == "aaa")
            #expect(try await store.setting("session_secret", as: String.self) == "aaa")
        }
    }
}
