import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Channels and mail in the store (issue #11, M017–M018)")
struct MailStoreTests {
    static let raw = Array("From: a@corp.example.cn\r\nMessage-ID: <m1@corp>\r\n\r\n打印机坏了\r\n".utf8)
    static let digest = "d0c1f5a8f0000000000000000000000000000000000000000000000000000001"

    @Test(
        "the raw message is stored before parsing; the same Message-ID and digest again is a duplicate",
        arguments: TestStores.kinds)
    func rawStoredOnce(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let now = Shanghai.date("2026-12-03 09:00")
            let channel = try await store.createChannel(
                kind: .mailgate, name: "MTA", settings: "{}", tokenDigest: "tok", now: now)
            // when
            let first = try await store.storeRawMail(
                channelId: channel.id, raw: Self.raw, sha256: Self.digest, messageId: "m1@corp", now: now)
            let again = try await store.storeRawMail(
                channelId: channel.id, raw: Self.raw, sha256: Self.digest, messageId: "m1@corp", now: now)
            // a resent copy under a new Message-ID is a new message sharing the raw row
            let resent = try await store.storeRawMail(
                channelId: channel.id, raw: Self.raw, sha256: Self.digest, messageId: "m2@corp", now: now)
            // then
            #expect(!first.duplicate && again == RawMailReceipt(messageId: first.messageId, duplicate: true))
            #expect(!resent.duplicate && resent.messageId != first.messageId)
            #expect(try await store.rawMail(messageId: first.messageId) == Self.raw)
            #expect(try await store.pendingMail(limit: 10).map(\.id) == [first.messageId, resent.messageId])
            let health = try #require(try await store.channel(id: channel.id))
            #expect(health.receivedCount == 2 && health.lastSuccessAt == now)
            #expect(try await store.channel(tokenDigest: "tok")?.id == channel.id)
        }
    }

    @Test(
        "a processed message links its ticket and threads replies; a quarantined one can be requeued",
        arguments: TestStores.kinds)
    func processedAndQuarantined(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let now = Shanghai.date("2026-12-03 09:00")
            let admin = try await store.user(id: 1)!
            let ticket = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester), by: admin.actor, at: now)
            let channel = try await store.createChannel(
                kind: .imap, name: "support@", settings: #"{"host":"127.0.0.1"}"#, tokenDigest: nil, now: now)
            let good = try await store.storeRawMail(
                channelId: channel.id, raw: Self.raw, sha256: Self.digest, messageId: "m1@corp", now: now)
            let bad = try await store.storeRawMail(
                channelId: channel.id, raw: [0x89, 0x50], sha256: String(repeating: "b", count: 64), messageId: nil,
                now: now)
            let fields = MailMessageFields(
                from: "a@corp.example.cn", to: ["support@desk"], subject: "打印机", text: "打印机坏了",
                attachments: [MailMessage.File(name: "日志.txt", size: 3, sha256: "abc")])
            // when
            try await store.markMailProcessed(id: good.messageId, ticketId: ticket.id, fields: fields, now: now)
            try await store.quarantineMail(id: bad.messageId, error: "not_a_message", now: now)
            let sent = try await store.recordOutgoingMail(
                channelId: channel.id, ticketId: ticket.id, raw: Array("reply".utf8),
                sha256: String(repeating: "c", count: 64), messageId: "ticket-1.2@desk", fields: fields, now: now)
            // then
            #expect(try await store.pendingMail(limit: 10).isEmpty)
            #expect(try await store.quarantinedMail(limit: 10).map(\.error) == ["not_a_message"])
            let messages = try await store.mailMessages(ticketId: ticket.id)
            #expect(messages.map(\.direction) == [.incoming, .outgoing] && messages.map(\.id).last == sent)
            #expect(messages[0].attachments == fields.attachments && messages[0].subject == "打印机")
            #expect(try await store.ticketNumber(forMessageIds: ["unknown@x", "ticket-1.2@desk"]) == ticket.number)
            #expect(try await store.ticketNumber(forMessageIds: ["unknown@x"]) == nil)
            let health = try #require(try await store.channel(id: channel.id))
            #expect(health.quarantinedCount == 1 && health.sentCount == 1 && health.lastError == "not_a_message")
            // an admin's reprocess puts it back, once
            #expect(try await store.requeueMail(id: bad.messageId))
            #expect(try await !store.requeueMail(id: bad.messageId))
            #expect(try await store.pendingMail(limit: 10).map(\.id) == [bad.messageId])
            // deleting the channel keeps its messages
            try await store.deleteChannel(id: channel.id)
            #expect(try await store.mailMessages(ticketId: ticket.id).allSatisfy { $0.channelId == nil })
            await #expect(throws: StoreError.notFound("channel")) { try await store.deleteChannel(id: channel.id) }
        }
    }
}
