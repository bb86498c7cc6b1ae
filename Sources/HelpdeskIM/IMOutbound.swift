import Foundation

/// The platforms' APIs for answering in a conversation (issue #11): DingTalk's
/// `sessionWebhook`, Slack's `chat.postMessage` in the request's thread, Feishu's
/// `im/v1/messages` to the chat with a tenant access token, WeCom's `message/send` to the user
/// through the application with an access token. Each base URL comes from the channel.
public enum IMOutbound {
    /// The request for an access token, for the platforms that need one (Feishu, WeCom).
    public static func tokenRequest(_ platform: IMPlatform, credentials: IMCredentials) throws -> IMHTTPRequest? {
        let base = try baseURL(platform, credentials)
        switch platform {
        case .feishu:
            struct Body: Encodable {
                var appId: String
                var appSecret: String
            }
            return .json(
                base.appending(path: "open-apis/auth/v3/tenant_access_token/internal"),
                Body(appId: credentials.appId ?? "", appSecret: credentials.appSecret ?? ""))
        case .wecom:
            var url = base.appending(path: "cgi-bin/gettoken")
            url.append(queryItems: [
                URLQueryItem(name: "corpid", value: credentials.corpId ?? ""),
                URLQueryItem(name: "corpsecret", value: credentials.secret ?? ""),
            ])
            return IMHTTPRequest(method: "GET", url: url)
        case .dingtalk, .slack:
            return nil
        }
    }

    /// The token and how long it lasts, from the token request's answer.
    public static func token(_ platform: IMPlatform, from body: [UInt8]) throws -> (
        token: String, lifetime: TimeInterval
    ) {
        struct Answer: Decodable {
            var code: Int?
            var errcode: Int?
            var tenantAccessToken: String?
            var accessToken: String?
            var expire: Double?
            var expiresIn: Double?
            enum CodingKeys: String, CodingKey {
                case code, errcode, expire
                case tenantAccessToken = "tenant_access_token"
                case accessToken = "access_token"
                case expiresIn = "expires_in"
            }
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(body)),
            (answer.code ?? answer.errcode ?? 0) == 0,
            let token = answer.tenantAccessToken ?? answer.accessToken, !token.isEmpty
        else { throw IMSendError("\(platform.rawValue): no access token: \(preview(body))") }
        return (token, answer.expire ?? answer.expiresIn ?? 7200)
    }

    /// The request that posts `text` to the conversation.
    public static func messageRequest(
        _ platform: IMPlatform, text: String, to target: IMReplyTarget, credentials: IMCredentials,
        accessToken: String?, now: Date
    ) throws -> IMHTTPRequest {
        let base = try baseURL(platform, credentials)
        switch platform {
        case .dingtalk:
            guard let reply = target.replyURL, let url = URL(string: reply) else {
                throw IMSendError("dingtalk: no session webhook", permanent: true)
            }
            // The webhook came in a signed callback; it must still be the platform's own host.
            guard url.host?.lowercased() == base.host?.lowercased(), url.scheme == base.scheme else {
                throw IMSendError("dingtalk: session webhook not on \(base.host ?? "")", permanent: true)
            }
            if let expiry = target.replyURLExpiresAt, expiry <= now {
                throw IMSendError("dingtalk: session webhook expired", permanent: true)
            }
            struct Body: Encodable {
                struct Text: Encodable { var content: String }
                var msgtype = "text"
                var text: Text
            }
            return .json(url, Body(text: .init(content: text)))
        case .slack:
            struct Body: Encodable {
                var channel: String
                var text: String
                var threadTs: String?
            }
            return .json(
                base.appending(path: "api/chat.postMessage"),
                Body(channel: target.conversationId, text: text, threadTs: target.threadId),
                bearer: credentials.botToken ?? "")
        case .feishu:
            struct Body: Encodable {
                var receiveId: String
                var msgType = "text"
                var content: String
            }
            struct Content: Encodable { var text: String }
            var url = base.appending(path: "open-apis/im/v1/messages")
            url.append(queryItems: [URLQueryItem(name: "receive_id_type", value: "chat_id")])
            let content = String(decoding: IMJSON.encode(Content(text: text)), as: UTF8.self)
            return .json(url, Body(receiveId: target.conversationId, content: content), bearer: accessToken)
        case .wecom:
            guard let agent = target.agentId.flatMap(Int.init) else {
                throw IMSendError("wecom: no application (AgentID)", permanent: true)
            }
            struct Body: Encodable {
                struct Text: Encodable { var content: String }
                var touser: String
                var msgtype = "text"
                var agentid: Int
                var text: Text
            }
            var url = base.appending(path: "cgi-bin/message/send")
            url.append(queryItems: [URLQueryItem(name: "access_token", value: accessToken ?? "")])
            return .json(url, Body(touser: target.senderId, agentid: agent, text: .init(content: text)))
        }
    }

    /// Throws unless the platform's answer says the message was taken.
    public static func check(_ platform: IMPlatform, status: Int, body: [UInt8]) throws {
        guard (200..<300).contains(status) else {
            throw IMSendError("\(platform.rawValue): HTTP \(status): \(preview(body))")
        }
        struct Answer: Decodable {
            var ok: Bool?
            var code: Int?
            var errcode: Int?
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(body)) else {
            throw IMSendError("\(platform.rawValue): unreadable answer: \(preview(body))")
        }
        let taken =
            switch platform {
            case .slack: answer.ok == true
            case .feishu: answer.code == 0
            case .dingtalk, .wecom: (answer.errcode ?? 0) == 0
            }
        guard taken else { throw IMSendError("\(platform.rawValue): refused: \(preview(body))") }
    }

    static func baseURL(_ platform: IMPlatform, _ credentials: IMCredentials) throws -> URL {
        let raw = credentials.apiBaseUrl.flatMap { $0.isEmpty ? nil : $0 } ?? platform.defaultAPIBase
        guard let url = URL(string: raw), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw IMSendError("\(platform.rawValue): invalid API base URL", permanent: true)
        }
        return url
    }

    static func preview(_ body: [UInt8]) -> String {
        String(String(decoding: body.prefix(300), as: UTF8.self).prefix(200))
    }
}
