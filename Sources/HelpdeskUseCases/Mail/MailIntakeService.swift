import Foundation
import HelpdeskCore
import HelpdeskMail
import HelpdeskStore

/// E-mail intake (issue #11, R1.1): the raw message is stored first (content-addressed,
/// duplicates recognised), then parsed; a reply becomes a public work-log entry on its
/// ticket, anything else a new ticket through ``TicketService/create`` (the portal's use case)
/// on channel `email`; a message that cannot be parsed is quarantined, never lost.
public struct MailIntakeService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
    }

    /// Step one, before any parsing: the raw bytes and a `received` row, committed. Only the
    /// Message-ID is read (header lines need no MIME parsing).
    public func receive(_ raw: [UInt8], channelId: Int64?) async throws -> RawMailReceipt {
        let digest = MailAttachment.digest(raw)
        let messageId = MailParser.messageId(raw)
        return try await store.storeRawMail(
            channelId: channelId, raw: raw, sha256: digest, messageId: messageId, now: clock.now())
    }

    /// Receives and processes at once (the mailgate and the poller): the raw message is
    /// committed before the parse, so a parse or ticket failure loses nothing.
    public func take(_ raw: [UInt8], channelId: Int64?) async throws -> (RawMailReceipt, MailIntakeOutcome) {
        let receipt = try await receive(raw, channelId: channelId)
        // A message stored before but never processed (the server stopped or failed after the
        // raw commit, and the MTA retries) is processed now rather than skipped as a duplicate.
        if receipt.duplicate, try await store.mailMessage(id: receipt.messageId)?.status != .received {
            return (receipt, .skipped)
        }
        return (receipt, try await process(messageId: receipt.messageId))
    }

    /// Every message still `received` and stored before `receivedBefore` (all when nil), oldest
    /// first; one bad message does not stop the rest. The background pass runs it for messages
    /// whose taker stopped after storing them (a crash, a restart).
    public func processPending(limit: Int = 500, receivedBefore: Date? = nil) async throws -> [MailIntakeOutcome] {
        var outcomes = [MailIntakeOutcome]()
        for message in try await store.pendingMail(limit: limit, receivedBefore: receivedBefore) {
            outcomes.append(try await process(messageId: message.id))
        }
        return outcomes
    }

    /// Step two: parse, thread, create or reply.
    public func process(messageId id: Int64) async throws -> MailIntakeOutcome {
        guard let message = try await store.mailMessage(id: id), message.status == .received else { return .skipped }
        if try await isIM(message) {
            return try await IMIntakeService(store: store, clock: clock, tickets: tickets).process(message)
        }
        guard let raw = try await store.rawMail(messageId: id) else { return .skipped }
        let mail: ParsedMail
        do {
            mail = try MailParser.parse(raw)
        } catch {
            try await store.quarantineMail(id: id, error: error.code, now: clock.now())
            return .quarantined(error: error.code)
        }
        return try await settling(id) { try await handle(mail, messageId: id, channelId: message.channelId) }
    }

    /// What `body` made of message `id`. Another instance, or a retry, that processed it first
    /// makes it skipped. A message the intake refuses (a file over the limit, a sender address the
    /// desk cannot store: a use case's or the workflow's refusal) is quarantined for an admin, not
    /// bounced; store failures still throw, so the message stays `received` and is tried again.
    func settling(_ id: Int64, _ body: () async throws -> MailIntakeOutcome) async throws -> MailIntakeOutcome {
        do {
            return try await body()
        } catch is MailAlreadyProcessed {
            return .skipped
        } catch {
            guard let code = (error as? UseCaseError)?.code ?? (error as? WorkflowError)?.code else { throw error }
            try await store.quarantineMail(id: id, error: code, now: clock.now())
            return .quarantined(error: code)
        }
    }

    /// A message an IM channel took: by its channel's kind, or, once the channel is deleted, by
    /// its key (a mail's Message-ID never has the form `im:<channel>:<id>` of a channel that existed).
    func isIM(_ message: MailMessage) async throws -> Bool {
        guard message.messageId?.hasPrefix(IMIntakeService.keyPrefix) == true else { return false }
        guard let channelId = message.channelId else { return true }
        return try await store.channel(id: channelId)?.kind.isIM ?? true
    }

    func handle(_ mail: ParsedMail, messageId id: Int64, channelId: Int64?) async throws -> MailIntakeOutcome {
        let report = DeliveryReport(mail)
        let fields = MailMessageFields(
            from: mail.from.address, to: (mail.to + mail.cc).map(\.address), subject: mail.subject, text: mail.text,
            attachments: mail.attachments.map {
                .init(name: $0.filename, size: $0.size, sha256: $0.sha256, contentId: $0.contentId)
            },
            automatic: mail.isAutomatic || report != nil,
            // Stored sanitised; `cid:` images of the mail's own parts are kept for the page to map.
            html: mail.html.map { html in
                let ids = Set(mail.attachments.compactMap(\.contentId))
                return HTMLSanitizer.sanitize(html) { ids.contains($0) ? "cid:" + $0 : nil }
            })
        if let report, let outcome = try await bounce(report, mail, messageId: id, fields: fields) {
            return outcome
        }
        // A mailer daemon gets no account: the sender is looked up once the mail is no bounce of ours.
        let sender = try await requester(for: mail.from)
        if let reply = try await reply(mail, from: sender, messageId: id, fields: fields) {
            return .replied(ticketNumber: reply.number)
        }
        // The acknowledgement goes back by mail (R1.5), except to a machine: an auto-reply,
        // a list or a bounce is imported and never answered automatically (no mail loops).
        let submission = submission(for: mail)
        let acknowledge = try await acknowledgement(
            answering: !fields.automatic, channelId: channelId, submission: submission)
        let now = clock.now()
        let created = try await MailTrail.processing(messageId: id, fields: fields, now: now, notices: acknowledge) {
            try await tickets.create(
                submission, attachments: mail.attachments.map(Self.upload), by: sender, via: .email)
        }
        return .created(ticketNumber: created.view.ticket.number)
    }

    /// The acknowledgement's notice for a new ticket, made in the ticket's transaction.
    /// In the hours of the channel the mail came in on (R8.3), when it has its own.
    /// `replyBy` says how the requester adds to it (`email`, `im`: the notice's `reply_by`). It
    /// names the best published articles for what was asked (R6.2): the answer may be there.
    func acknowledgement(
        answering: Bool, channelId: Int64?, replyBy: String = "email", submission: TicketSubmission
    ) async throws -> @Sendable (Ticket) -> [Notice] {
        guard answering, let policy = try await store.currentSLAPolicy() else { return { _ in [] } }
        let articles = try await KnowledgeService(store: store, clock: clock, tickets: tickets).forAcknowledgement(
            title: submission.title, description: submission.description
        ).map { $0.article.content.title.replacingOccurrences(of: "\n", with: " ") }
        let rules = try await store.rules(policyId: policy.id)
        let hours = try await serviceHours(of: channelId)
        return { ticket in
            guard let requester = ticket.requester.userId else { return [] }
            let ack = Acknowledgement(for: ticket, rules: rules, now: ticket.submittedAt, serviceHours: hours)
            var arguments = ["due": ack.responseDueAt.ISO8601Format(), "reply_by": replyBy]
            if let resolution = ack.resolutionDueAt { arguments["resolution_due"] = resolution.ISO8601Format() }
            if let lookAt = ack.lookedAtFrom { arguments["look_at"] = lookAt.ISO8601Format() }
            if !articles.isEmpty { arguments["articles"] = articles.joined(separator: "\n") }
            return [
                Notice(
                    ack.outsideServiceHours ? .acknowledgedOutsideHours : .acknowledged, ticket: ticket,
                    to: [.user(requester)], at: ticket.submittedAt, arguments)
            ]
        }
    }

    func serviceHours(of channelId: Int64?) async throws -> Acknowledgement.ServiceHours? {
        guard let channelId, let channel = try await store.channel(id: channelId)
        else { return nil }
        let settings = try ChannelService.settings(channel)
        if settings.serviceHours == "24x7" { return .alwaysOpen }
        guard let calendarId = settings.calendarId,
            let record = try await store.calendars().first(where: { $0.id == calendarId })
        else { return nil }
        return .calendar(record.calendar)
    }

    /// A delivery report joins the messages of the ticket whose mail bounced (the ticket page
    /// lists it); a permanent failure stops the desk's mail to that address. A report about
    /// no message of ours is imported as any other mail (nil).
    func bounce(_ report: DeliveryReport, _ mail: ParsedMail, messageId id: Int64, fields: MailMessageFields)
        async throws -> MailIntakeOutcome?
    {
        let ids = (report.originalMessageId.map { [$0] } ?? []) + mail.threadIds
        guard let number = try await store.ticketNumber(forMessageIds: ids),
            let ticket = try await store.ticket(number: number)
        else { return nil }
        let now = clock.now()
        for address in report.permanentFailures {
            try await store.suppressMail(to: address, reason: "bounced", ticketId: ticket.id, now: now)
        }
        try await store.markMailProcessed(id: id, ticketId: ticket.id, fields: fields, now: now)
        return .bounced(ticketNumber: number)
    }

    /// Puts a quarantined message back and processes it again (an admin's reprocess).
    public func reprocess(messageId id: Int64, by user: User) async throws -> MailIntakeOutcome {
        try Authorize.admin(user, "mail_reprocess")
        guard try await store.requeueMail(id: id) else { throw UseCaseError.notFound(resource: "mail_message") }
        return try await process(messageId: id)
    }

    /// Threading: our own or any stored Message-ID in In-Reply-To/References, else the ticket
    /// tag (`[TS…]`) in the subject. The entry is written as the sender, so only someone who
    /// may see the ticket (its requester, a participant, staff) adds to it; anyone else, or a
    /// closed ticket, gets a new ticket. From the requester of a resolved ticket it may be their
    /// "not solved" (``TicketService/channelReply(to:text:by:)``). The entry and the message's
    /// `processed` mark commit together (``MailTrail``).
    func reply(_ mail: ParsedMail, from sender: User, messageId id: Int64, fields: MailMessageFields) async throws
        -> Ticket?
    {
        let threaded = try await store.ticketNumber(forMessageIds: mail.threadIds)
        guard let number = threaded ?? MailSubject.ticketNumber(in: mail.subject) else { return nil }
        let body = mail.text.isEmpty ? MailSubject.stripped(mail.subject) : mail.text
        do {
            return try await MailTrail.processing(messageId: id, fields: fields, now: clock.now()) {
                try await tickets.channelReply(
                    to: number, text: Self.cut(body, to: TicketOperations.maxTextLength), by: sender)
            }
        } catch is UseCaseError {
            return nil
        } catch is WorkflowError {
            return nil
        }
    }

    /// The sender's account by address; an unknown sender gets an external requester account
    /// (what Zammad, OTRS and Freshdesk do: the customer is created from the mail), without a
    /// usable password; they can be given one by an admin.
    func requester(for address: MailAddress) async throws -> User {
        if let user = try await store.user(email: address.address) { return user }
        // An account is only made for an address the desk could write back to (as the directory checks).
        guard EmailAddress.isValid(address.address) else { throw UseCaseError.invalidValue(field: "from") }
        let name = (address.name?.isEmpty == false ? address.name : nil) ?? address.address
        let username = "mail:" + address.address.lowercased()
        if let existing = try await store.user(username: username) { return existing }
        let user = User(
            username: username, displayName: String(name.prefix(100)), role: .requester, email: address.address,
            external: true)
        do {
            return try await store.createUser(user, passwordHash: "!", now: clock.now())
        } catch StoreError.duplicate {
            // Two messages from the same new sender at once: the other one created the account.
            guard let existing = try await store.user(username: username) else {
                throw StoreError.duplicate("username")
            }
            return existing
        }
    }

    func submission(for mail: ParsedMail) -> TicketSubmission {
        let subject = MailSubject.stripped(mail.subject)
        let firstLine = mail.text.split(separator: "\n").first.map(String.init) ?? ""
        let title = String((subject.isEmpty ? firstLine : subject).prefix(200))
        let now = clock.now()
        // R1.7: the requester has waited since they wrote; a date in the future or over 30 days
        // back is a wrong clock, and the desk's own receipt time is used.
        let receivedAt = mail.date.flatMap { $0 <= now && $0 >= now.addingTimeInterval(-29 * 86_400) ? $0 : nil }
        // The ticket takes what fits its fields; the message row keeps the whole text.
        let text = mail.text.isEmpty ? (subject.isEmpty ? mail.from.address : subject) : mail.text
        return TicketSubmission(
            title: String((title.isEmpty ? mail.from.address : title).prefix(200)),
            description: Self.cut(text, to: TicketOperations.maxTextLength),
            contact: String(String.UnicodeScalarView(mail.from.address.unicodeScalars.prefix(100))), impact: .medium,
            urgency: .medium, receivedAt: receivedAt)
    }

    /// `text` if it fits in `limit` Unicode scalars (as `Intake` counts), else its beginning and
    /// an ellipsis, `limit` in all.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))) + "…"
    }

    static func upload(_ attachment: MailAttachment) -> AttachmentUpload {
        AttachmentDecoding.withText(
            AttachmentUpload(
                filename: attachment.filename, contentType: attachment.contentType, data: Data(attachment.data)),
            charset: attachment.charset)
    }
}
