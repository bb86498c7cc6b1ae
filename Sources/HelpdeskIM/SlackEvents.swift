import Crypto
import Foundation

/// Slack's Events API: `X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret,
/// "v0:" + X-Slack-Request-Timestamp + ":" + body))`, accepted within five minutes;
/// `url_verification` is answered with its challenge. A direct message to the bot or a mention
/// of it is a request; other channel messages, bots' messages (the desk's own answers among
/// them) and edits are acknowledged and left alone.
public enum SlackEvents {
    public static let window: TimeInterval = 300

    public static func signature(secret: String, timestamp: String, body: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("v0:\(timestamp):".utf8) + body, using: SymmetricKey(data: Data(secret.utf8)))
        return "v0=" + IMBytes.hex(mac)
    }

    public static func verify(_ request: IMRequest, signingSecret: String, now: Date) throws -> IMEvent {
        guard !signingSecret.isEmpty, let timestamp = request.header("x-slack-request-timestamp"),
            let signature = request.header("x-slack-signature")
        else { throw IMRejection.signature }
        try IMBytes.checkWindow(timestamp, now: now, window: window)
        guard
            IMBytes.constantTimeEqual(
                signature, Self.signature(secret: signingSecret, timestamp: timestamp, body: request.body))
        else { throw IMRejection.signature }
        let payload = try IMBytes.decode(Payload.self, request.body)
        switch payload.type {
        case "url_verification":
            guard let challenge = payload.challenge else { throw IMRejection.malformed("challenge") }
            return .answer(.text(challenge))
        case "event_callback":
            // A direct message to the bot, or a mention of it in a channel: the other messages of
            // a channel the bot is in are people talking to each other.
            guard let event = payload.event,
                event.type == "app_mention" || (event.type == "message" && event.channelType == "im"),
                event.botId == nil, event.subtype == nil, let user = event.user, let channel = event.channel,
                let ts = event.ts
            else { return .ignored }
            let text = Self.withoutMentions(event.text ?? "")
            guard !text.isEmpty else { return .ignored }
            // A message in a channel arrives as `message` and as `app_mention`, with two event
            // ids: the message's own channel and `ts` make them one.
            return .message(
                IMInboundMessage(
                    platform: .slack, eventId: "\(channel):\(ts)", conversationId: channel,
                    threadId: event.threadTs ?? ts, senderId: user, text: text,
                    sentAt: Double(ts).map(Date.init(timeIntervalSince1970:))))
        default:
            return .ignored
        }
    }

    /// The text without `<@U…>` mentions (the bot's own, mostly).
    static func withoutMentions(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<@") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
                rest = rest[start.lowerBound...]
                break
            }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Payload: Decodable {
        struct Event: Decodable {
            var type: String
            var subtype: String?
            var botId: String?
            var user: String?
            var channel: String?
            var text: String?
            var ts: String?
            var threadTs: String?
            var channelType: String?

            enum CodingKeys: String, CodingKey {
                case type, subtype, user, channel, text, ts
                case botId = "bot_id"
                case threadTs = "thread_ts"
                case channelType = "channel_type"
            }
        }
        var type: String
        var challenge: String?
        var event: Event?
    }
}
