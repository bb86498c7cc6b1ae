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
            let file = AttachmentUpload(filename: "错误日志.txt", contentType: "text/plain", data: bytes)
            // when
            let change = try await store.updateTicket(number: ticket.number) { current, _ in
                try TicketOperations.attach(
                    [file], maxBytes: 1024, to: current, by: admin.actor, at: Shanghai.date("2026-11-23 10:01"))
            }
            // then
            let listed = try await store.attachments(ticketId: ticket.id)
            #expect(listed.count == 1 && listed[0].filename == "错误日志.txt" && listed[0].size == bytes.count)
            #expect(listed[0].uploadedBy == admin.id && change.events.map(\.kind) == [.attachment])
            let loaded = try #require(try await store.attachment(id: listed[0].id))
            #expect(loaded.attachment == listed[0] && loaded.data == bytes && loaded.ticketNumber == ticket.number)
            #expect(try await store.attachment(id: listed[0].id + 1) == nil)
        }
    }

    @Test(
        "several tickets change in one transaction: one refusal writes none of them, files included",
        arguments: TestStores.kinds)
    func manyTicketsAllOrNothing(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let admin = try await store.user(id: 1)!
            let at = Shanghai.date("2026-11-23 10:00")
            let first = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor, at: at)
            let second = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor, at: at)
            let file = AttachmentUpload(filename: "a.log", contentType: "text/plain", data: Data("x".utf8))
            // when the second ticket's change is refused
            await #expect(throws: WorkflowError.ticketClosed) {
                try await store.updateTickets(numbers: [first.number, second.number]) { current, _, done in
                    guard done.isEmpty else { throw WorkflowError.ticketClosed }
                    return try TicketOperations.attach([file], maxBytes: 1024, to: current, by: admin.actor, at: at)
                }
            }
            // then the first is as it was
            #expect(try await store.attachments(ticketId: first.id).isEmpty)
            #expect(try await store.ticket(number: first.number)?.version == first.version)
            #expect(try await store.events(ticketId: first.id, includeInternal: true).count == 1)
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
