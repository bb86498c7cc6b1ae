import Foundation
import HelpdeskCore
import HelpdeskMail
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Testing

@testable import HelpdeskServer

/// Mail out on the requester's thread (issue #11, R1.5, R5.2): the acknowledgement and the
/// desk's public replies go back by e-mail with threading headers and the ticket tag; robots
/// are never answered; a bounce stops mail to the address; a quarantined message tells the admins.
@Suite("E-mail conversation: acknowledgement, replies, loops and bounces (issue #11)")
struct MailConversationTests {
    static let desk = "desk@corp.example.cn"

    static func sender(_ api: APIHarness, port: Int) throws -> SLAScheduler {
        let clock = AppClock { api.clock.now }
        let client = SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, from: desk))
        return SLAScheduler(
            store: api.store, clock: clock,
            channels: [
                .email: EmailChannel(
                    client: client, store: api.store, localizer: try Localizer.bundled(),
                    mailOut: MailOutService(store: api.store, clock: clock), now: { api.clock.now })
            ],
            logger: TestStores.logger)
    }

    /// What the sink received, parsed back by our own parser.
    static func received(_ sink: EmailDeliveryTests.Sink) throws -> [(to: String, mail: ParsedMail)] {
        try sink.messages.withLock { $0 }.map { entry in
            (entry.to, try MailParser.parse(Array(entry.data.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        }
    }

    static func clear(_ sink: EmailDeliveryTests.Sink) {
        sink.messages.withLock { $0 = [] }
    }

    /// The engineer takes the ticket and resolves it with `solution`.
    static func resolve(_ number: String, _ solution: String, api: APIHarness) async throws {
        let agent = try await Self.agent(api)
        let tickets = TicketService(
            store: api.store, clock: AppClock { api.clock.now }, readAudit: ReadAudit(store: api.store))
        for command in [
            TransitionCommand(action: .assign, assigneeId: agent.id), TransitionCommand(action: .accept),
            TransitionCommand(action: .resolve, solution: solution),
        ] {
            _ = try await tickets.transition(TicketRef(number: number), command, by: agent)
        }
    }

    static func agent(_ api: APIHarness) async throws -> User {
        let admin = try await api.token("admin")
        _ = try await api.signUp("ligong", role: "supervisor", groups: [1], admin: admin)
        return try #require(try await api.store.user(username: "ligong"))
    }

    /// A desk with a responder, a ticket from a mail and the scheduler's first pass (the
    /// acknowledgement) done.
    struct Conversation {
        let intake: MailIntakeService
        let sender: SLAScheduler
        let agent: User
        let number: String
        let firstPassFailed: Int
    }

    static func start(_ api: APIHarness, port: Int) async throws -> Conversation {
        let intake = MailIntakeTests.intake(api)
        let sender = try Self.sender(api, port: port)
        let agent = try await Self.agent(api)
        let (_, outcome) = try await intake.take(MailIntakeTests.mail(), channelId: nil)
        guard case .created(let number) = outcome else { throw TestFailure("not created: \(outcome)") }
        let failed = await sender.tick().failed
        return Conversation(intake: intake, sender: sender, agent: agent, number: number, firstPassFailed: failed)
    }

    @Test(
        "R1.5 the acknowledgement answers the requester's mail on its thread; R5.2 the desk's public reply follows it, and the requester's answer to that reply threads back by our Message-ID",
        arguments: TestStores.kinds)
    func conversation(kind: StoreKind) async throws {
        try await EmailDeliveryTests.withSink { sink, port in
            try await APIHarness.run(kind) { api in
                // when: a request comes in by mail
                let start = try await Self.start(api, port: port)
                let (intake, sender, agent, number) = (start.intake, start.sender, start.agent, start.number)
                #expect(start.firstPassFailed == 0)
                // then: the acknowledgement, on the requester's thread
                let ack = try #require(try Self.received(sink).first { $0.to == "zhangsan@corp.example.cn" })
                #expect(ack.mail.subject == "[\(number)] 打印机故障（–三楼）")
                #expect(ack.mail.inReplyTo == ["m1@corp.example.cn"] && ack.mail.references == ["m1@corp.example.cn"])
                #expect(ack.mail.headers.text("Auto-Submitted") == "auto-replied")
                #expect(ack.mail.text.contains("工单号 \(number)") && ack.mail.text.contains("预计在"))
                let ackId = try #require(ack.mail.messageId)

                // when: the engineer answers in public
                Self.clear(sink)
                let tickets = TicketService(
                    store: api.store, clock: AppClock { api.clock.now }, readAudit: ReadAudit(store: api.store))
                _ = try await tickets.addWorklog(
                    TicketRef(number: number), WorklogCommand(body: "请重启打印机后再试。", visibility: .public), by: agent)
                #expect(await sender.tick().failed == 0)
                // then: a person's mail (no Auto-Submitted), with the thread so far
                let reply = try #require(try Self.received(sink).first { $0.to == "zhangsan@corp.example.cn" })
                #expect(reply.mail.text.contains("请重启打印机后再试。"))
                #expect(reply.mail.headers.text("Auto-Submitted") == nil)
                #expect(reply.mail.inReplyTo == ["m1@corp.example.cn"])
                #expect(reply.mail.references == ["m1@corp.example.cn", ackId])
                let replyId = try #require(reply.mail.messageId)

                // when: the requester answers that mail, with a subject that names no ticket
                let answer = MailIntakeTests.mail(
                    subject: "Re: 打印机", messageId: "m2@corp.example.cn",
                    extra: "In-Reply-To: <\(replyId)>\r\n", body: "重启后好了，谢谢！")
                let (_, second) = try await intake.take(answer, channelId: nil)
                // then
                #expect(second == .replied(ticketNumber: number))
                let messages = try await api.store.mailMessages(
                    ticketId: try #require(try await api.store.ticket(number: number)).id)
                #expect(messages.map(\.direction) == [.incoming, .outgoing, .outgoing, .incoming])
                #expect(messages[1].automatic && !messages[2].automatic)
            }
        }
    }

    @Test(
        "R5.2 the requester's mail to a resolved ticket reopens it only when it says it is not solved",
        arguments: TestStores.kinds)
    func notSolvedReply(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a ticket by mail, resolved by the engineer
            let intake = MailIntakeTests.intake(api)
            let (_, outcome) = try await intake.take(MailIntakeTests.mail(), channelId: nil)
            guard case .created(let number) = outcome else { throw TestFailure("not created: \(outcome)") }
            try await Self.resolve(number, "已更换硒鼓", api: api)
            func status() async throws -> TicketStatus? { try await api.store.ticket(number: number)?.status }
            #expect(try await status() == .resolved)

            // when: thanks, with the desk's words quoted below
            let thanks = MailIntakeTests.mail(
                subject: "Re: [\(number)] 打印机", messageId: "m2@corp.example.cn",
                body: "好的，谢谢\r\n\r\n-----原始邮件-----\r\n如果还是不行请回复本邮件")
            // then: a public message; the ticket still waits for the confirmation
            #expect(try await intake.take(thanks, channelId: nil).1 == .replied(ticketNumber: number))
            #expect(try await status() == .resolved)

            // when: the requester says it is not solved
            let again = MailIntakeTests.mail(
                subject: "Re: [\(number)] 打印机", messageId: "m3@corp.example.cn", body: "还是不行，依然卡纸")
            // then: reopened, back with the engineer, the words as the reason
            #expect(try await intake.take(again, channelId: nil).1 == .replied(ticketNumber: number))
            #expect(try await status() == .inProgress)
            let reopened = try #require(try await api.store.ticket(number: number))
            let events = try await api.store.events(ticketId: reopened.id, includeInternal: true)
            #expect(events.contains { $0.action == .reject && $0.reason?.contains("依然卡纸") == true })
        }
    }

    @Test(
        "auto-replies, bulk mail and out-of-office mail become tickets but get no acknowledgement (no mail loops)",
        arguments: [
            "Auto-Submitted: auto-replied\r\n", "Precedence: bulk\r\n", "X-Autoreply: yes\r\n",
            "Auto-Submitted: auto-generated\r\n",
        ])
    func robotsAreNotAnswered(header: String) async throws {
        try await EmailDeliveryTests.withSink { sink, port in
            try await APIHarness.run(.sqlite) { api in
                // given
                let intake = MailIntakeTests.intake(api)
                let sender = try Self.sender(api, port: port)
                // when
                let (_, outcome) = try await intake.take(
                    MailIntakeTests.mail(from: "robot@vendor.example.com", extra: header), channelId: nil)
                _ = await sender.tick()
                // then
                guard case .created = outcome else { throw TestFailure("not created: \(outcome)") }
                #expect(try Self.received(sink).filter { $0.to == "robot@vendor.example.com" }.isEmpty)
                let message = try #require(try await api.store.mailMessage(id: 1))
                #expect(message.automatic)
            }
        }
    }

    static func bounce(for messageId: String, recipient: String, status: String) -> [UInt8] {
        Array(
            """
            From: Mail Delivery System <MAILER-DAEMON@corp.example.cn>\r
            To: desk@corp.example.cn\r
            Subject: Undelivered Mail Returned to Sender\r
            Message-ID: <bounce-\(status)@corp.example.cn>\r
            Auto-Submitted: auto-replied\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            无法投递到 \(recipient)。\r
            --b1\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.corp.example.cn\r
            \r
            Final-Recipient: rfc822; \(recipient)\r
            Action: failed\r
            Status: \(status)\r
            Diagnostic-Code: smtp; 550 5.1.1 user unknown\r
            --b1\r
            Content-Type: text/rfc822-headers\r
            \r
            From: desk@corp.example.cn\r
            To: \(recipient)\r
            Message-ID: <\(messageId)>\r
            Subject: =?UTF-8?B?5bel5Y2V?=\r
            --b1--\r

            """.utf8)
    }

    @Test(
        "a delivery report is filed with the bounced mail's ticket; a permanent failure stops mail to the address, a temporary one does not",
        arguments: TestStores.kinds)
    func bounces(kind: StoreKind) async throws {
        try await EmailDeliveryTests.withSink { sink, port in
            try await APIHarness.run(kind) { api in
                // given: a ticket by mail and its acknowledgement sent
                let start = try await Self.start(api, port: port)
                let (intake, sender, agent, number) = (start.intake, start.sender, start.agent, start.number)
                let ackId = try #require(try Self.received(sink).first?.mail.messageId)
                // when: a temporary failure, then a permanent one
                let (_, soft) = try await intake.take(
                    Self.bounce(for: ackId, recipient: "zhangsan@corp.example.cn", status: "4.2.2"), channelId: nil)
                #expect(try await api.store.mailSuppression(for: "zhangsan@corp.example.cn") == nil)
                let (_, hard) = try await intake.take(
                    Self.bounce(for: ackId, recipient: "ZhangSan@corp.example.cn", status: "5.1.1"), channelId: nil)
                // then
                #expect(soft == .bounced(ticketNumber: number) && hard == .bounced(ticketNumber: number))
                #expect(try await api.store.mailSuppression(for: "zhangsan@corp.example.cn") == "bounced")
                #expect(try await api.store.user(email: "MAILER-DAEMON@corp.example.cn") == nil)
                // and the next reply is not mailed: the delivery fails at once, saying why
                Self.clear(sink)
                let tickets = TicketService(
                    store: api.store, clock: AppClock { api.clock.now }, readAudit: ReadAudit(store: api.store))
                _ = try await tickets.addWorklog(
                    TicketRef(number: number), WorklogCommand(body: "已处理", visibility: .public), by: agent)
                let report = await sender.tick()
                #expect(report.failed == 1 && report.delivered == 0)
                #expect(try Self.received(sink).filter { $0.to == "zhangsan@corp.example.cn" }.isEmpty)
                let withheld = try #require(
                    try await api.store.deliveries(webhookId: nil, before: nil, limit: 10).first {
                        $0.channel == .email
                    })
                #expect(withheld.status == .failed && withheld.attempts == 1)
                #expect(withheld.lastError == "not sent: address suppressed (bounced)")
                let ticket = try #require(try await api.store.ticket(number: number))
                #expect(try await api.store.mailMessages(ticketId: ticket.id).filter(\.automatic).count == 3)
            }
        }
    }

    @Test(
        "at most 20 automatic mails a day go to one address; a person's reply still goes; the next day the count starts again"
    )
    func dailyCap() async throws {
        try await APIHarness.run(.sqlite) { api in
            // given: a ticket by mail, so mail to its requester is recorded on it
            let (_, outcome) = try await MailIntakeTests.intake(api).take(MailIntakeTests.mail(), channelId: nil)
            guard case .created(let number) = outcome else { throw TestFailure("not created: \(outcome)") }
            let requester = try #require(try await api.store.user(email: "zhangsan@corp.example.cn"))
            let service = MailOutService(store: api.store, clock: AppClock { api.clock.now })
            func draft(_ kind: NoticeKind) -> MailOutService.Draft {
                .init(
                    kind: kind.rawValue, ticketNumber: number, recipientId: requester.id,
                    to: "zhangsan@corp.example.cn", title: "t", body: "b")
            }
            // when
            var sent = 0
            for _ in 0..<25 {
                guard let composed = try await service.compose(draft(.responseWarning), from: Self.desk) else {
                    continue
                }
                try await service.recordSent(composed)
                sent += 1
                api.clock.advance(by: 60)
            }
            // then
            #expect(sent == MailOutService.automaticPerDay)
            #expect(try await service.compose(draft(.reply), from: Self.desk) != nil)
            api.clock.advance(by: 86_400)
            #expect(try await service.compose(draft(.responseWarning), from: Self.desk) != nil)
        }
    }

    @Test(
        "a quarantined message tells the admins in their inbox, linked to the channels page",
        arguments: TestStores.kinds)
    func quarantineNotice(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let intake = MailIntakeTests.intake(api)
            // when
            let (_, outcome) = try await intake.take(Array("没有头部的内容\r\n".utf8), channelId: nil)
            _ = try await api.store.dispatchNotifications(now: api.clock.now, limit: 10, email: false)
            // then
            #expect(outcome == .quarantined(error: "not_a_message"))
            let admin = try #require(try await api.store.user(username: "admin"))
            let inbox = try await api.store.inbox(userId: admin.id, unreadOnly: true, before: nil, limit: 10)
            #expect(inbox.map(\.kind) == ["mail_quarantined"])
            #expect(inbox.first?.ticketNumber == "" && inbox.first?.arguments["error"] == "not_a_message")
        }
    }

    @Test(
        "R8.3 a mail on Saturday is acknowledged with when the desk will look at it, unless its channel is served 24×7 or by a calendar that works Saturdays",
        arguments: [("", "acknowledged_outside_hours"), ("24x7", "acknowledged"), ("calendar", "acknowledged")])
    func serviceHours(hours: String, kind: String) async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-21 10:00")) { api in
            // given: a mailgate channel with the hours under test
            let admin = try #require(try await api.store.user(username: "admin"))
            let clock = AppClock { api.clock.now }
            let tickets = TicketService(store: api.store, clock: clock, readAudit: ReadAudit(store: api.store))
            let channels = ChannelService(store: api.store, clock: clock, tickets: tickets)
            var calendarId: Int64?
            if hours == "calendar" {
                var everyDay = BusinessCalendar.standard
                everyDay.week.saturday = everyDay.week.monday
                calendarId = try await api.store.saveCalendar(
                    CalendarRecord(id: 0, name: "热线", calendar: everyDay), now: api.clock.now
                ).id
            }
            let settings = ChannelSettings(serviceHours: hours == "24x7" ? "24x7" : nil, calendarId: calendarId)
            let channel = try await channels.create(.init(kind: .mailgate, name: "MTA", settings: settings), by: admin)
            // when
            _ = try await MailIntakeTests.intake(api).take(MailIntakeTests.mail(), channelId: channel.id)
            _ = try await api.store.dispatchNotifications(now: api.clock.now, limit: 10, email: false)
            // then
            let requester = try #require(try await api.store.user(email: "zhangsan@corp.example.cn"))
            let inbox = try await api.store.inbox(userId: requester.id, unreadOnly: true, before: nil, limit: 10)
            #expect(inbox.map(\.kind) == [kind])
            #expect((inbox.first?.arguments["look_at"] != nil) == (kind == "acknowledged_outside_hours"))
        }
    }
}
