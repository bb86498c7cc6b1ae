import Foundation
import HelpdeskIM
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// A local stand-in for the four IM platforms' APIs (token endpoints, message endpoints),
/// recording what the desk posts, and the platform's side of a callback (signing, encrypting)
/// built from each platform's rules.
final class FakeIMPlatform: Sendable {
    struct Hit: Sendable {
        var path: String
        var query: String
        var authorization: String
        var body: [String: any Sendable]
    }

    let hits = Mutex<[Hit]>([])

    var messages: [Hit] { hits.withLock { $0 }.filter { !$0.path.contains("token") } }

    static func run(_ body: @Sendable (FakeIMPlatform, Int) async throws -> Void) async throws {
        let fake = FakeIMPlatform()
        let router = Router()
        let answers: [(String, String)] = [
            (
                "open-apis/auth/v3/tenant_access_token/internal",
                #"{"code":0,"tenant_access_token":"t-fake","expire":7200}"#
            ),
            ("cgi-bin/gettoken", #"{"errcode":0,"access_token":"a-fake","expires_in":7200}"#),
            ("api/chat.postMessage", #"{"ok":true}"#),
            ("open-apis/im/v1/messages", #"{"code":0,"msg":"success"}"#),
            ("cgi-bin/message/send", #"{"errcode":0,"errmsg":"ok"}"#),
            ("robot/sendBySession", #"{"errcode":0,"errmsg":"ok"}"#),
        ]
        for (path, answer) in answers {
            for method in [HTTPRequest.Method.get, .post] {
                router.on(RouterPath(path), method: method) { request, _ -> Response in
                    let buffer = try await request.body.collect(upTo: 1 << 20)
                    let json = (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
                    let hit = Hit(
                        path: request.uri.path, query: request.uri.query ?? "",
                        authorization: request.headers[.authorization] ?? "",
                        body: json.mapValues { "\($0)" as any Sendable })
                    fake.hits.withLock { $0.append(hit) }
                    return Response(
                        status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: answer)))
                }
            }
        }
        try await LocalServer.run(router) { port in try await body(fake, port) }
    }

    // MARK: the platform's side of a callback

    static let corpId = "ww5823bf96d3bd56c7"
    static let aesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"

    /// The settings a channel of this platform gets, pointed at the fake.
    static func settings(_ platform: IMPlatform, port: Int) -> [String: String] {
        var settings: [String: String] =
            switch platform {
            case .dingtalk: ["appSecret": "ding-secret"]
            case .slack: ["signingSecret": "slack-secret", "botToken": "xoxb-fake"]
            case .feishu:
                ["verificationToken": "v-token", "encryptKey": "feishu key", "appId": "cli_1", "appSecret": "fs"]
            case .wecom: ["token": "QDG6eK", "encodingAESKey": aesKey, "corpId": corpId, "secret": "wecom-secret"]
            }
        settings["apiBaseUrl"] = "http://127.0.0.1:\(port)"
        return settings
    }

    struct Callback: Sendable {
        var method: HTTPRequest.Method = .post
        var query: String = ""
        var headers: [String: String] = [:]
        var body: [UInt8]
    }

    /// A user's message `text` with the platform's message id `id`, sent at `now`, as the
    /// platform delivers it to the desk.
    static func callback(
        _ platform: IMPlatform, text: String, id: String, sender: String = "zhangsan", conversation: String = "conv-1",
        port: Int, now: Date
    ) throws -> Callback {
        let seconds = String(Int(now.timeIntervalSince1970))
        switch platform {
        case .dingtalk:
            // DingTalk's sign covers only the timestamp, and each is taken once: the platform
            // signs each message at its own millisecond.
            let offset = Int64(id.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) } % 1000)
            let millis = String(Int64(now.timeIntervalSince1970 * 1000) + offset)
            let body = json([
                "msgId": id, "conversationId": conversation, "msgtype": "text", "text": ["content": text],
                "senderStaffId": sender, "senderNick": "张三",
                "sessionWebhook": "http://127.0.0.1:\(port)/robot/sendBySession?session=s1",
                "sessionWebhookExpiredTime": Int64(now.timeIntervalSince1970 * 1000) + 5_400_000,
            ])
            return Callback(
                headers: [
                    "timestamp": millis, "sign": DingTalkRobot.sign(timestamp: millis, appSecret: "ding-secret"),
                ],
                body: body)
        case .slack:
            let body = json([
                "type": "event_callback", "event_id": "Ev-\(id)",
                "event": [
                    "type": "message", "channel_type": "im", "channel": conversation, "user": sender,
                    "text": "<@U0BOT> \(text)",
                    "ts": slackTs(id: id, seconds: seconds),
                ],
            ])
            return signedSlack(body, timestamp: seconds)
        case .feishu:
            let content = String(decoding: json(["text": "@_user_1 \(text)"]), as: UTF8.self)
            let event = json([
                "schema": "2.0",
                "header": ["event_id": id, "event_type": "im.message.receive_v1", "token": "v-token"],
                "event": [
                    "sender": ["sender_id": ["user_id": sender, "open_id": "ou_\(sender)"], "sender_type": "user"],
                    "message": [
                        "message_id": "om_\(id)", "chat_id": conversation, "message_type": "text", "content": content,
                    ],
                ],
            ])
            return try signedFeishu(event, timestamp: seconds)
        case .wecom:
            let xml =
                "<xml><ToUserName><![CDATA[\(corpId)]]></ToUserName><FromUserName><![CDATA[\(sender)]]></FromUserName><CreateTime>\(seconds)</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[\(text)]]></Content><MsgId>\(id)</MsgId><AgentID>1000002</AgentID></xml>"
            let encrypted = try WeComCipher(encodingAESKey: aesKey)!.encrypt(
                Array(xml.utf8), receiveId: corpId, random: Array(repeating: 9, count: 16))
            let signature = WeComCallback.signature(
                token: "QDG6eK", timestamp: seconds, nonce: "n1", encrypted: encrypted)
            return Callback(
                query: "msg_signature=\(signature)&timestamp=\(seconds)&nonce=n1",
                body: Array(
                    "<xml><ToUserName><![CDATA[\(corpId)]]></ToUserName><Encrypt><![CDATA[\(encrypted)]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>"
                        .utf8))
        }
    }

    /// A Slack message timestamp for the message `id` (Slack's `ts` is seconds and a sequence).
    static func slackTs(id: String, seconds: String) -> String {
        seconds + "." + id.unicodeScalars.map { String($0.value) }.joined()
    }

    static func signedSlack(_ body: [UInt8], timestamp: String) -> Callback {
        Callback(
            headers: [
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": SlackEvents.signature(secret: "slack-secret", timestamp: timestamp, body: body),
            ], body: body)
    }

    static func signedFeishu(_ event: [UInt8], timestamp: String?) throws -> Callback {
        let encrypted = try FeishuEvents.encrypt(event, encryptKey: "feishu key", iv: Array(repeating: 3, count: 16))
        let body = json(["encrypt": encrypted])
        guard let timestamp else { return Callback(body: body) }
        return Callback(
            headers: [
                "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": "n1",
                "X-Lark-Signature": FeishuEvents.signature(
                    timestamp: timestamp, nonce: "n1", encryptKey: "feishu key", body: body),
            ], body: body)
    }

    static func json(_ object: [String: Any]) -> [UInt8] {
        Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
