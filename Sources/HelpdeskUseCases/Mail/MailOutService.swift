import Foundation
import HelpdeskCore
import HelpdeskMail
import HelpdeskStore

/// What the desk sends by e-mail (issue #11, R1.5, R5.2): a notice to the requester of a ticket
/// that came by e-mail continues that conversation (the ticket tag in the subject, In-Reply-To
/// and References to the requester's last message, recorded so the answer threads back);
/// automatic mail carries `Auto-Submitted`. No mail goes to an address a delivery report
/// said is gone, and at most ``automaticPerDay`` automatic mails a day go to one address,
/// so two robots cannot answer each other for ever.
public struct MailOutService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    public static let automaticPerDay = 20

    public init(store: any HelpdeskStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    /// One e-mail to compose: the rendered notice and who gets it.
    public struct Draft: Sendable {
        public var kind: String
        public var ticketNumber: String
        public var recipientId: Int64?
        public var to: String
        public var title: String
        public var body: String
        public init(
            kind: String, ticketNumber: String, recipientId: Int64?, to: String, title: String, body: String
        ) {
            self.kind = kind
            self.ticketNumber = ticketNumber
            self.recipientId = recipientId
            self.to = to
            self.title = title
            self.body = body
        }
    }

    /// A composed mail and, when it continues a ticket's conversation, the ticket to record it on.
    public struct Composed: Sendable {
        public var mail: OutgoingMail
        public var ticketId: Int64?
    }

    /// Why no mail may go for a draft, if none may: the address is stopped (a delivery report
    /// said it is gone), or it has had its automatic mails for the day.
    public func withheld(_ draft: Draft) async throws -> String? {
        if let reason = try await store.mailSuppression(for: draft.to) { return "address suppressed (\(reason))" }
        if draft.kind != NoticeKind.reply.rawValue,
            try await store.automaticMailCount(to: draft.to, since: clock.now().addingTimeInterval(-86_400))
                >= Self.automaticPerDay
        {
            return "daily cap of \(Self.automaticPerDay) automatic mails reached"
        }
        return nil
    }

    /// The mail for a draft, or nil when none may go (``withheld(_:)``).
    public func compose(_ draft: Draft, from sender: String) async throws -> Composed? {
        guard try await withheld(draft) == nil else { return nil }
        return try await mail(for: draft, from: sender)
    }

    /// The mail for a draft the caller has checked with ``withheld(_:)``.
    public func mail(for draft: Draft, from sender: String) async throws -> Composed {
        let automatic = draft.kind != NoticeKind.reply.rawValue
        let acknowledgement = [NoticeKind.acknowledged.rawValue, NoticeKind.acknowledgedOutsideHours.rawValue]
        var mail = OutgoingMail(
            from: sender, to: draft.to, subject: draft.title, body: draft.body, date: clock.now(),
            messageId: OutgoingMail.newMessageId(from: sender),
            autoSubmitted: automatic ? (acknowledgement.contains(draft.kind) ? "auto-replied" : "auto-generated") : nil)
        guard !draft.ticketNumber.isEmpty, let ticket = try await store.ticket(number: draft.ticketNumber),
            ticket.channel == .email, let requester = ticket.requester.userId, requester == draft.recipientId
        else { return Composed(mail: mail, ticketId: nil) }
        // The requester's conversation: their subject with the ticket tag, answering their last
        // message and referring to the thread so far (newest last, at most 10).
        let messages = try await store.mailMessages(ticketId: ticket.id)
        let incoming = messages.filter { $0.direction == .incoming && $0.status == .processed }
        let subject = incoming.first?.subject.flatMap { $0.isEmpty ? nil : $0 } ?? ticket.title
        mail.subject = MailSubject.tagged(subject, number: ticket.number)
        mail.body = draft.title + "\n\n" + draft.body
        mail.inReplyTo = incoming.last?.messageId
        mail.references = Array(messages.compactMap(\.messageId).suffix(10))
        return Composed(mail: mail, ticketId: ticket.id)
    }

    /// Records a sent conversation mail with its ticket (threading by our own Message-ID).
    public func recordSent(_ composed: Composed) async throws {
        guard let ticketId = composed.ticketId else { return }
        let raw = Array(composed.mail.rendered.utf8)
        _ = try await store.recordOutgoingMail(
            channelId: nil, ticketId: ticketId, raw: raw, sha256: MailAttachment.digest(raw),
            messageId: composed.mail.messageId,
            fields: MailMessageFields(
                from: composed.mail.from, to: [composed.mail.to], subject: composed.mail.subject,
                text: composed.mail.body, attachments: [], automatic: composed.mail.autoSubmitted != nil),
            now: clock.now())
    }
}
