import Crypto
import Foundation
import _CryptoExtras

/// Feishu (Lark) event subscription with an Encrypt Key: `X-Lark-Signature =
/// hex(SHA-256(timestamp + nonce + encrypt_key + body))` (a plain hash of the raw body), the body
/// `{"encrypt": Base64(IV ‖ AES-256-CBC(json))}` with key SHA-256(encrypt_key); the event's
/// `header.token` must be the app's verification token. `url_verification` (sent before the
/// subscription is saved, unsigned) is answered with its challenge once its token matches.
/// Feishu names no timestamp window: an hour, as DingTalk's, is the desk's choice.
public enum FeishuEvents {
    public static let window: TimeInterval = 3600

    public static func signature(timestamp: String, nonce: String, encryptKey: String, body: [UInt8]) -> String {
        IMBytes.hex(SHA256.hash(data: Array((timestamp + nonce + encryptKey).utf8) + body))
    }

    public static func decrypt(_ encrypted: String, encryptKey: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: encrypted), data.count >= 32, data.count % 16 == 0 else {
            throw IMRejection.signature
        }
        do {
            let iv = try AES._CBC.IV(ivBytes: data.prefix(16))
            return Array(try AES._CBC.decrypt(data.dropFirst(16), using: key(encryptKey), iv: iv))
        } catch {
            throw IMRejection.signature
        }
    }

    /// The platform's side (tests and the local fake): Base64(IV ‖ ciphertext).
    public static func encrypt(_ plaintext: [UInt8], encryptKey: String, iv: [UInt8]) throws -> String {
        let ciphertext = try AES._CBC.encrypt(plaintext, using: key(encryptKey), iv: try AES._CBC.IV(ivBytes: iv))
        return (Data(iv) + ciphertext).base64EncodedString()
    }

    static func key(_ encryptKey: String) -> SymmetricKey {
        SymmetricKey(data: Data(SHA256.hash(data: Data(encryptKey.utf8))))
    }

    public static func verify(_ request: IMRequest, verificationToken: String, encryptKey: String, now: Date) throws
        -> IMEvent
    {
        guard !encryptKey.isEmpty, !verificationToken.isEmpty else { throw IMRejection.signature }
        let signature = request.header("x-lark-signature")
        if let signature {
            let timestamp = request.header("x-lark-request-timestamp")
            try IMBytes.checkWindow(timestamp, now: now, window: window)
            let expected = Self.signature(
                timestamp: timestamp ?? "", nonce: request.header("x-lark-request-nonce") ?? "",
                encryptKey: encryptKey, body: request.body)
            guard IMBytes.constantTimeEqual(signature, expected) else { throw IMRejection.signature }
        }
        let envelope = try IMBytes.decode(Envelope.self, request.body)
        let plaintext = try decrypt(envelope.encrypt, encryptKey: encryptKey)
        let payload = try IMBytes.decode(Payload.self, plaintext)
        if payload.type == "url_verification" {
            guard let token = payload.token, IMBytes.constantTimeEqual(token, verificationToken),
                let challenge = payload.challenge
            else { throw IMRejection.signature }
            return .answer(.json(#"{"challenge":"# + IMJSON.string(challenge) + "}"))
        }
        // Events are signed; only the verification may come without.
        guard signature != nil, let header = payload.header, let token = header.token,
            IMBytes.constantTimeEqual(token, verificationToken)
        else { throw IMRejection.signature }
        guard header.eventType == "im.message.receive_v1", let event = payload.event,
            event.sender.senderType != "app", event.message.messageType == "text",
            let content = try? JSONDecoder().decode(Content.self, from: Data(event.message.content.utf8))
        else { return .ignored }
        let text = Self.withoutMentions(content.text ?? "")
        guard !text.isEmpty, let sender = event.sender.senderId.userId ?? event.sender.senderId.openId else {
            return .ignored
        }
        return .message(
            IMInboundMessage(
                platform: .feishu, eventId: header.eventId, conversationId: event.message.chatId,
                threadId: event.message.rootId, senderId: sender, text: text,
                sentAt: event.message.createTime.flatMap(Double.init).map { Date(timeIntervalSince1970: $0 / 1000) }))
    }

    /// The text without `@_user_1` placeholders of mentions.
    static func withoutMentions(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("@_user_") && !$0.hasPrefix("@_all") }
            .joined(separator: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Envelope: Decodable { var encrypt: String }

    struct Payload: Decodable {
        struct Header: Decodable {
            var eventId: String
            var eventType: String
            var token: String?
            enum CodingKeys: String, CodingKey {
                case token
                case eventId = "event_id"
                case eventType = "event_type"
            }
        }
        struct Event: Decodable {
            struct Sender: Decodable {
                struct Ids: Decodable {
                    var userId: String?
                    var openId: String?
                    enum CodingKeys: String, CodingKey {
                        case userId = "user_id"
                        case openId = "open_id"
                    }
                }
                var senderId: Ids
                var senderType: String?
                enum CodingKeys: String, CodingKey {
                    case senderId = "sender_id"
                    case senderType = "sender_type"
                }
            }
            struct Message: Decodable {
                var chatId: String
                var rootId: String?
                var messageType: String
                var content: String
                var createTime: String?
                enum CodingKeys: String, CodingKey {
                    case content
                    case chatId = "chat_id"
                    case rootId = "root_id"
                    case messageType = "message_type"
                    case createTime = "create_time"
                }
            }
            var sender: Sender
            var message: Message
        }
        var type: String?
        var token: String?
        var challenge: String?
        var header: Header?
        var event: Event?
    }

    struct Content: Decodable { var text: String? }
}
