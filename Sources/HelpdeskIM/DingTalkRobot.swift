import Crypto
import Foundation

/// DingTalk's robot callback: headers `timestamp` (milliseconds) and
/// `sign = Base64(HMAC-SHA256(appSecret, timestamp + "\n" + appSecret))`, accepted within an
/// hour of now; the body is the message, with the `sessionWebhook` the answers are posted to.
/// The signature does not cover the body, so each timestamp and sign is taken once
/// (``IMInboundMessage/nonce``).
public enum DingTalkRobot {
    public static let window: TimeInterval = 3600

    public static func sign(timestamp: String, appSecret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp)\n\(appSecret)".utf8), using: SymmetricKey(data: Data(appSecret.utf8)))
        return Data(mac).base64EncodedString()
    }

    public static func verify(_ request: IMRequest, appSecret: String, now: Date) throws -> IMEvent {
        guard !appSecret.isEmpty, let timestamp = request.header("timestamp"), let sign = request.header("sign")
        else { throw IMRejection.signature }
        try IMBytes.checkWindow(timestamp, now: now, window: window, millis: true)
        guard IMBytes.constantTimeEqual(sign, Self.sign(timestamp: timestamp, appSecret: appSecret)) else {
            throw IMRejection.signature
        }
        let payload = try IMBytes.decode(Payload.self, request.body)
        guard payload.msgtype == nil || payload.msgtype == "text", let content = payload.text?.content else {
            return .ignored
        }
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, let sender = payload.senderStaffId ?? payload.senderId else { return .ignored }
        return .message(
            IMInboundMessage(
                platform: .dingtalk, eventId: payload.msgId, conversationId: payload.conversationId,
                senderId: sender, senderName: payload.senderNick, text: text, replyURL: payload.sessionWebhook,
                replyURLExpiresAt: payload.sessionWebhookExpiredTime.map {
                    Date(timeIntervalSince1970: Double($0) / 1000)
                },
                sentAt: payload.createAt.map { Date(timeIntervalSince1970: Double($0) / 1000) },
                nonce: "\(timestamp):\(sign)"))
    }

    struct Payload: Decodable {
        struct Text: Decodable { var content: String? }
        var msgId: String
        var conversationId: String
        var msgtype: String?
        var text: Text?
        var senderStaffId: String?
        var senderId: String?
        var senderNick: String?
        var sessionWebhook: String?
        var sessionWebhookExpiredTime: Int64?
        var createAt: Int64?
    }
}
