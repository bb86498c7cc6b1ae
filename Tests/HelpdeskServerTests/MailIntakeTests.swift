import Foundation
import HelpdeskCore
import HelpdeskMail
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Testing

/// E-mail intake through the use cases (issue #11, R1.1): raw first, duplicates, threading,
/// the portal's ticket creation on channel `email`, quarantine.
@Suite("E-mail intake (R1.1, issue #11)")
struct MailIntakeTests {
    static func intake(_ api: APIHarness) -> MailIntakeService {
        let clock = AppClock { api.clock.now }
        let tickets = TicketService(store: api.store, clock: clock, readAudit: ReadAudit(store: api.store))
        return MailIntakeService(store: api.store, clock: clock, tickets: tickets)
    }

    static func mail(
        from: String = "=?gb2312?B?1cXI/Q==?= <zhangsan@corp.example.cn>",
        subject: String = "=?gb2312?B?tPLTobv6ucrVz6OoqEPI/cKlo6k=?=",
        messageId: String = "m1@corp.example.cn", extra: String = "", body: String = "打印机卡纸"
    ) -> [UInt8] {
        Array(
            """
            From: \(from)\r
            To: support@desk.example.cn\r
            Subject: \(subject)\r
            Message-ID: <\(messageId)>\r
            \(extra)Content-Type: text/plain; charset=utf-8\r
            \r
            \(body)\r

            """.utf8)
    }

    @Test(
        "R1.1 a new mail is a ticket on channel email for the sender, created as an external requester; the same mail again is a duplicate",
        arguments: TestStores.kinds)
    func newTicket(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let intake = Self.intake(api)
            let raw = Self.mail()
            // when
            let (receipt, outcome) = try await intake.take(raw, channelId: nil)
            let (again, second) = try await intake.take(raw, channelId: nil)
            // then
            guard case .created(let number) = outcome else { throw TestFailure("not created: \(outcome)") }
            #expect(again == RawMailReceipt(messageId: receipt.messageId, duplicate: true) && second == .skipped)
            let ticket = try #require(try await api.store.ticket(number: number))
            #expect(ticket.channel == .email && ticket.title == "打印机故障（–三楼）")
            #expect(ticket.description == "打印机卡纸")
            let requester = try #require(try await api.store.user(email: "ZhangSan@corp.example.cn"))
            #expect(requester.role == .requester && requester.external && requester.displayName == "张三")
            #expect(ticket.requester.userId == requester.id)
            let messages = try await api.store.mailMessages(ticketId: ticket.id)
            #expect(messages.map(\.status) == [.processed] && messages[0].from == "zhangsan@corp.example.cn")
            #expect(try await api.store.rawMail(messageId: receipt.messageId) == raw)
        }
    }

    @Test(
        "a reply by In-Reply-To or by the [#number] tag from the requester is a public work-log entry; a stranger's tag opens a new ticket",
        arguments: TestStores.kinds)
    func threading(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let intake = Self.intake(api)
            guard case (_, .created(let number)) = try await intake.take(Self.mail(), channelId: nil) else {
                throw TestFailure("not created")
            }
            // when
            let byHeader = try await intake.take(
                Self.mail(
                    subject: "Re: whatever", messageId: "m2@corp.example.cn",
                    extra: "In-Reply-To: <m1@corp.example.cn>\r\n", body: "换了硒鼓以后好了"), channelId: nil)
            let byTag = try await intake.take(
                Self.mail(subject: "回复：[#\(number)] 打印机", messageId: "m3@corp.example.cn", body: "谢谢"),
                channelId: nil)
            let stranger = try await intake.take(
                Self.mail(
                    from: "other@elsewhere.example.com", subject: "[#\(number)] 我也是", messageId: "m4@x",
                    body: "同样的问题"), channelId: nil)
            // then
            #expect(byHeader.1 == .replied(ticketNumber: number) && byTag.1 == .replied(ticketNumber: number))
            guard case .created(let other) = stranger.1 else { throw TestFailure("stranger threaded: \(stranger.1)") }
            #expect(other != number)
            let ticket = try #require(try await api.store.ticket(number: number))
            let worklogs = try await api.store.events(ticketId: ticket.id, includeInternal: false).filter {
                $0.kind == .worklog
            }
            #expect(worklogs.map(\.visibility) == [.public, .public])
            #expect(try await api.store.mailMessages(ticketId: ticket.id).count == 3)
        }
    }

    @Test(
        "a message stored but not processed (a crash after the raw commit) is processed when the MTA retries it, once",
        arguments: TestStores.kinds)
    func retryAfterCrash(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: the raw message was committed, then the server stopped before processing it
            let intake = Self.intake(api)
            let stored = try await intake.receive(Self.mail(), channelId: nil)
            // when: the MTA retries, twice
            let (retry, outcome) = try await intake.take(Self.mail(), channelId: nil)
            let (_, again) = try await intake.take(Self.mail(), channelId: nil)
            // then: one ticket, from the row stored first
            #expect(retry == RawMailReceipt(messageId: stored.messageId, duplicate: true))
            guard case .created = outcome else { throw TestFailure("not processed on retry: \(outcome)") }
            #expect(again == .skipped)
            #expect(try await api.store.pendingMail(limit: 10).isEmpty)
        }
    }

    @Test(
        "one poisoned message among 100 gives 99 tickets and 1 quarantine entry in one cycle; reprocess is the admin's",
        arguments: TestStores.kinds)
    func poisoned(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: 100 messages stored, the 50th not a message at all
            let intake = Self.intake(api)
            var bad: Int64 = 0
            for index in 1...100 {
                let raw =
                    index == 50
                    ? [0x89, 0x50, 0x4E, 0x47] + Array(repeating: 0, count: 40)
                    : Self.mail(messageId: "bulk\(index)@corp")
                let receipt = try await intake.receive(raw, channelId: nil)
                if index == 50 { bad = receipt.messageId }
            }
            // when
            let outcomes = try await intake.processPending()
            // then
            #expect(outcomes.filter { if case .created = $0 { true } else { false } }.count == 99)
            #expect(outcomes.filter { $0 == .quarantined(error: "not_a_message") }.count == 1)
            #expect(try await api.store.quarantinedMail(limit: 10).map(\.id) == [bad])
            let admin = try #require(try await api.store.user(id: 1))
            #expect(try await intake.reprocess(messageId: bad, by: admin) == .quarantined(error: "not_a_message"))
            let requester = try #require(try await api.store.user(email: "zhangsan@corp.example.cn"))
            await #expect(throws: UseCaseError.self) { try await intake.reprocess(messageId: bad, by: requester) }
        }
    }

    @Test(
        "a mail longer than a ticket's description becomes a ticket with the text cut at the limit, the whole text kept on the message; an address too long for the contact is cut too",
        arguments: TestStores.kinds)
    func longMail(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let body = String(repeating: "数据库连接超时。", count: 3_000)
            let local = String(repeating: "a", count: 64)
            let domain = "support-department-of-the-corporation.example.com.cn"
            let raw = Self.mail(from: "\(local)@\(domain)", messageId: "long@corp.example.cn", body: body)
            // when
            let (_, outcome) = try await Self.intake(api).take(raw, channelId: nil)
            // then
            guard case .created(let number) = outcome else { throw TestFailure("not created: \(outcome)") }
            let ticket = try #require(try await api.store.ticket(number: number))
            #expect(ticket.description.count == TicketOperations.maxTextLength)
            #expect(body.hasPrefix(ticket.description.dropLast()) && ticket.description.hasSuffix("…"))
            #expect(ticket.contact.count == 100)
            let messages = try await api.store.mailMessages(ticketId: ticket.id)
            #expect(messages.first?.text == body)
        }
    }

    @Test(
        "a mail from an address the desk cannot write back to is quarantined, not bounced, and no account is made for it",
        arguments: TestStores.kinds)
    func unusableSender(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let raw = Self.mail(from: "nobody@localhost", messageId: "local@corp.example.cn")
            // when
            let (_, outcome) = try await Self.intake(api).take(raw, channelId: nil)
            // then
            #expect(outcome == .quarantined(error: "invalid_value"))
            #expect(try await api.store.user(username: "mail:nobody@localhost") == nil)
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
