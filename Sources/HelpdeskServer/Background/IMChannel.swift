import Foundation
import HelpdeskCore
import HelpdeskIM
import HelpdeskMail
import HelpdeskStore
import HelpdeskUseCases

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Notices to the requester of a ticket that came by IM, posted to the conversation it came
/// from (issue #11, R1.5, R5.2) with the platform's API (``IMOutbound``), in the recipient's
/// language; each sent message is recorded with the ticket's messages.
struct IMChannel: DeliveryChannel {
    let store: any HelpdeskStore
    let localizer: Localizer
    let timeout: TimeInterval
    let tokens: IMTokenCache
    let now: @Sendable () -> Date

    func send(_ delivery: Delivery) async throws -> Int? {
        let payload = try JSONDecoder().decode(EmailPayload.self, from: Data(delivery.payload.utf8))
        guard let channelId = Int64(delivery.target), let channel = try await store.channel(id: channelId),
            channel.active, let platform = IMPlatform(rawValue: channel.kind.rawValue)
        else { throw DeliveryFailure(status: nil, description: "IM channel removed or inactive", permanent: true) }
        guard let ticket = try await store.ticket(number: payload.notice.ticketNumber),
            let conversation = try await store.imConversation(ticketId: ticket.id)
        else { throw DeliveryFailure(status: nil, description: "no IM conversation for the ticket", permanent: true) }
        let target = try JSONDecoder().decode(IMReplyTarget.self, from: Data(conversation.target.utf8))
        let credentials = try ChannelService.credentials(of: channel)
        let renderer = try await NoticeTexts(store: store, localizer: localizer).renderer()
        let rendered = renderer.render(
            kind: payload.notice.kind.rawValue, arguments: payload.notice.arguments, locale: payload.locale)
        let text = rendered.title + "\n\n" + rendered.body
        // A token belongs to the channel's settings as they were when it was fetched.
        let cacheKey = "\(channel.id)@\(channel.updatedAt.timeIntervalSince1970)"
        do {
            var token: String?
            if let request = try IMOutbound.tokenRequest(platform, credentials: credentials) {
                token = try await tokens.token(key: cacheKey, now: now()) {
                    let (_, body) = try await perform(request, platform)
                    return try IMOutbound.token(platform, from: body)
                }
            }
            let request = try IMOutbound.messageRequest(
                platform, text: text, to: target, credentials: credentials, accessToken: token, now: now())
            let (status, body) = try await perform(request, platform)
            do {
                try IMOutbound.check(platform, status: status, body: body)
            } catch {
                // An expired or revoked token is fetched anew on the next try.
                await tokens.forget(key: cacheKey)
                throw error
            }
            let raw = Array(text.utf8)
            _ = try await store.recordOutgoingMail(
                channelId: channel.id, ticketId: ticket.id, raw: raw, sha256: MailAttachment.digest(raw),
                messageId: "im-out:\(delivery.id)",
                fields: MailMessageFields(
                    from: channel.name, to: [target.conversationId], subject: rendered.title, text: rendered.body,
                    attachments: [], automatic: payload.notice.kind != .reply),
                now: now())
            return status
        } catch let error as IMSendError {
            throw DeliveryFailure(status: nil, description: error.description, permanent: error.permanent)
        }
    }

    /// Sends one request to the platform. Its URL may carry a secret (WeCom's `corpsecret`,
    /// `access_token`), so a transport error is reported by host only.
    func perform(_ request: IMHTTPRequest, _ platform: IMPlatform) async throws -> (Int, [UInt8]) {
        let host = request.url.host ?? ""
        try await WebhookChannel.refuseInternal(host: host, store: store)
        do {
            return try await Self.send(request, timeout: timeout)
        } catch {
            let code = (error as? URLError).map { " (\($0.code.rawValue))" } ?? ""
            throw IMSendError("\(platform.rawValue): \(host) unreachable\(code)")
        }
    }

    static func send(_ request: IMHTTPRequest, timeout: TimeInterval) async throws -> (Int, [UInt8]) {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        if request.method != "GET" { urlRequest.httpBody = Data(request.body) }
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.setValue("Helpdesk-IM/1", forHTTPHeaderField: "User-Agent")
        let (data, response) = try await URLSession.shared.data(for: urlRequest)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, Array(data))
    }
}

/// Access tokens of the IM channels that need one (Feishu, WeCom), by channel and settings
/// version, kept until shortly before they expire. Per instance: each instance fetches its own, as the platforms allow.
actor IMTokenCache {
    private var tokens: [String: (token: String, until: Date)] = [:]

    func token(
        key: String, now: Date, fetch: @Sendable () async throws -> (token: String, lifetime: TimeInterval)
    ) async throws -> String {
        if let cached = tokens[key], cached.until > now { return cached.token }
        let fetched = try await fetch()
        tokens[key] = (fetched.token, now.addingTimeInterval(max(60, fetched.lifetime - 300)))
        return fetched.token
    }

    func forget(key: String) { tokens[key] = nil }
}
