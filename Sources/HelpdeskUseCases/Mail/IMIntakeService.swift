import Foundation
import HelpdeskCore
import HelpdeskIM
import HelpdeskMail
import HelpdeskStore

/// IM intake (issue #11, R1.1, R1.5): a platform's callback is verified (what the platform signs,
/// in its window) and the message stored before the platform is answered; then, off the request,
/// the message continues its sender's open ticket in that conversation as a public entry, or
/// opens a ticket through ``TicketService/create`` on channel `im`. The conversation is saved
/// with the ticket, so the acknowledgement and the public replies go back to it.
public struct IMIntakeService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService
    /// Mail intake's acknowledgement and its handling of refusals, shared.
    var mail: MailIntakeService { MailIntakeService(store: store, clock: clock, tickets: tickets) }

    /// The message rows' keys (Message-ID column) start with it: intake tells IM rows from mail.
    public static let keyPrefix = "im:"

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
    }

    /// What the callback's answer is, and the stored message to process once it is sent.
    public struct Receipt: Sendable {
        public var answer: IMAnswer
        public var stored: RawMailReceipt?
    }

    /// Verifies and stores a callback. An unknown, inactive or non-IM channel is not found; a
    /// wrong signature or a stale timestamp is ``UseCaseError/callbackRefused(code:)``.
    public func receive(channelId: Int64, _ request: IMRequest) async throws -> Receipt {
        guard let channel = try await store.channel(id: channelId), channel.active,
            let platform = IMPlatform(rawValue: channel.kind.rawValue)
        else { throw UseCaseError.notFound(resource: "channel") }
        let settings = try ChannelService.settings(channel)
        let event: IMEvent
        do {
            event = try platform.verify(request, credentials: settings.credentials, now: clock.now())
        } catch let rejection as IMRejection {
            if case .malformed(let detail) = rejection { throw UseCaseError.invalidFormat(detail: detail) }
            throw UseCaseError.callbackRefused(code: rejection.code)
        }
        switch event {
        case .answer(let answer):
            return Receipt(answer: answer, stored: nil)
        case .ignored:
            return Receipt(answer: platform.acknowledgement, stored: nil)
        case .message(let message):
            let raw = Array(try JSONEncoder().encode(message))
            let now = clock.now()
            do {
                let stored = try await store.storeIMMessage(
                    channelId: channel.id, raw: raw, sha256: MailAttachment.digest(raw),
                    key: Self.keyPrefix + "\(channel.id):\(message.eventId)", nonce: message.nonce,
                    nonceExpiry: now.addingTimeInterval(2 * DingTalkRobot.window), now: now)
                return Receipt(answer: platform.acknowledgement, stored: stored)
            } catch StoreError.duplicate("im_nonce") {
                // A signature seen before, carrying another message: a replay.
                throw UseCaseError.callbackRefused(code: IMRejection.stale.code)
            }
        }
    }

    /// Makes a stored message (a `received` row of an IM channel, as ``MailIntakeService`` read
    /// it) a ticket or a public entry; processed once, however often tried.
    func process(_ row: MailMessage) async throws -> MailIntakeOutcome {
        let id = row.id
        guard let raw = try await store.rawMail(messageId: id) else { return .skipped }
        guard let channelId = row.channelId,
            let message = try? JSONDecoder().decode(IMInboundMessage.self, from: Data(raw))
        else {
            try await store.quarantineMail(id: id, error: "im_payload_invalid", now: clock.now())
            return .quarantined(error: "im_payload_invalid")
        }
        return try await mail.settling(id) {
            // A message of the same sender that opened a ticket in the conversation meanwhile:
            // this one joins it on the next try.
            var tries = 1
            while true {
                do {
                    return try await handle(message, messageId: id, channelId: channelId)
                } catch is IMConversationTaken where tries < 3 {
                    tries += 1
                }
            }
        }
    }

    func handle(_ message: IMInboundMessage, messageId id: Int64, channelId: Int64) async throws -> MailIntakeOutcome {
        let sender = try await requester(message, channelId: channelId)
        let now = clock.now()
        let fields = MailMessageFields(
            from: message.senderName.map { "\($0) (\(message.senderId))" } ?? message.senderId,
            to: [message.conversationId], subject: "", text: message.text, attachments: [])
        let target = String(decoding: try JSONEncoder().encode(IMReplyTarget(message)), as: UTF8.self)
        let conversation = IMConversation(
            channelId: channelId, conversationId: message.conversationId, requesterId: sender.id, target: target,
            updatedAt: now)
        let text = MailIntakeService.cut(message.text, to: TicketOperations.maxTextLength)
        if let number = try await store.openIMTicket(
            channelId: channelId, conversationId: message.conversationId, requesterId: sender.id)
        {
            do {
                let ticket = try await MailTrail.processing(
                    messageId: id, fields: fields, now: now, conversation: conversation
                ) {
                    try await tickets.channelReply(to: number, text: text, by: sender)
                }
                return .replied(ticketNumber: ticket.number)
            } catch is UseCaseError {
                // The ticket moved on meanwhile (closed, handed elsewhere): a new ticket instead.
            } catch is WorkflowError {}
        }
        let submission = submission(for: message, now: now)
        let acknowledge = try await mail.acknowledgement(
            answering: true, channelId: channelId, replyBy: "im", submission: submission)
        var opening = conversation
        opening.opensTicket = true
        let created = try await MailTrail.processing(
            messageId: id, fields: fields, now: now, notices: acknowledge, conversation: opening
        ) {
            try await tickets.create(submission, attachments: [], by: sender, via: .im)
        }
        return .created(ticketNumber: created.view.ticket.number)
    }

    func submission(for message: IMInboundMessage, now: Date) -> TicketSubmission {
        let firstLine = message.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? message.text
        // R1.7: the requester has waited since they wrote, unless the platform's clock is off.
        let receivedAt = message.sentAt.flatMap { $0 <= now && $0 >= now.addingTimeInterval(-86_400) ? $0 : nil }
        return TicketSubmission(
            title: String(firstLine.prefix(100)),
            description: MailIntakeService.cut(message.text, to: TicketOperations.maxTextLength),
            contact: String((message.senderName ?? message.senderId).prefix(100)), impact: .medium, urgency: .medium,
            receivedAt: receivedAt)
    }

    /// The user the sender's id on this channel is linked to; an unknown sender gets an external
    /// requester account (no password, no e-mail) linked to it, as mail intake does for addresses.
    func requester(_ message: IMInboundMessage, channelId: Int64) async throws -> User {
        if let userId = try await store.imIdentity(channelId: channelId, externalId: message.senderId),
            let user = try await store.user(id: userId)
        {
            // A deactivated account takes no requests (the message is kept in the quarantine).
            guard user.active else { throw UseCaseError.forbidden(action: "inactive_requester") }
            return user
        }
        let username = "im:\(channelId):\(message.senderId)"
        let user: User
        if let existing = try await store.user(username: username) {
            user = existing
        } else {
            let name = String((message.senderName.flatMap { $0.isEmpty ? nil : $0 } ?? message.senderId).prefix(100))
            do {
                user = try await store.createUser(
                    User(username: username, displayName: name, role: .requester, external: true), passwordHash: "!",
                    now: clock.now())
            } catch StoreError.duplicate {
                guard let existing = try await store.user(username: username) else {
                    throw StoreError.duplicate("username")
                }
                user = existing
            }
        }
        try await store.linkIMIdentity(
            channelId: channelId, externalId: message.senderId, userId: user.id, now: clock.now())
        return user
    }
}

extension IMPlatform {
    /// The answer to a stored or ignored callback.
    var acknowledgement: IMAnswer {
        switch self {
        case .dingtalk, .feishu: .json("{}")
        case .slack, .wecom: .text("")
        }
    }
}

extension ChannelSettings {
    public var credentials: IMCredentials {
        IMCredentials(
            appSecret: appSecret, signingSecret: signingSecret, botToken: botToken,
            verificationToken: verificationToken, encryptKey: encryptKey, appId: appId, token: token,
            encodingAESKey: encodingAESKey, corpId: corpId, secret: secret, apiBaseUrl: apiBaseUrl)
    }
}
