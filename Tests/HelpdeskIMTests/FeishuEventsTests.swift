import Foundation
import Testing

@testable import HelpdeskIM

@Suite struct FeishuEventsTests {
    static let key = "test key"
    static let token = "v-token"
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    // Feishu's documented example ("Encrypt Key" section of event subscription).
    @Test func decryptsFeishusPublishedExample() throws {
        let plain = try FeishuEvents.decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", encryptKey: Self.key)
        #expect(String(decoding: plain, as: UTF8.self) == "hello world")
    }

    // Computed independently with Python's hashlib.
    @Test func signatureIsAPlainHashOfTimestampNonceKeyAndBody() {
        #expect(
            FeishuEvents.signature(
                timestamp: "1700000000", nonce: "nonce-1", encryptKey: Self.key, body: Array(#"{"encrypt":"abc"}"#.utf8)
            )
                == "fdc92a0dc5d4bf3902f7d6ce4441e6cab5129dccfad736c3c63864dfae48123c")
    }

    static func envelope(_ json: String) throws -> [UInt8] {
        let iv = Array(repeating: UInt8(7), count: 16)
        return Array(#"{"encrypt":"\#(try FeishuEvents.encrypt(Array(json.utf8), encryptKey: key, iv: iv))"}"#.utf8)
    }

    static func request(_ json: String, timestamp: String = "1700000000", signed: Bool = true) throws -> IMRequest {
        let body = try envelope(json)
        var headers: [String: String] = [:]
        if signed {
            headers = [
                "X-Lark-Request-Timestamp": timestamp, "X-Lark-Request-Nonce": "n1",
                "X-Lark-Signature": FeishuEvents.signature(
                    timestamp: timestamp, nonce: "n1", encryptKey: key, body: body),
            ]
        }
        return IMRequest(method: .post, headers: headers, body: body)
    }

    static let message = #"""
        {"schema":"2.0","header":{"event_id":"5e3702a84e847582be8db7fb73283c02","event_type":"im.message.receive_v1","create_time":"1700000000000","token":"v-token","app_id":"cli_1"},"event":{"sender":{"sender_id":{"open_id":"ou_84aad35d084aa403a838cf73ee18467","user_id":"e33ggbyz"},"sender_type":"user"},"message":{"message_id":"om_1","chat_id":"oc_5ad11d72b830411d72b836c20","chat_type":"p2p","message_type":"text","content":"{\"text\":\"@_user_1 邮箱满了，收不到信\"}","create_time":"1699999999000"}}}
        """#

    @Test func aSignedEncryptedMessageIsRead() throws {
        let event = try FeishuEvents.verify(
            try Self.request(Self.message), verificationToken: Self.token, encryptKey: Self.key, now: Self.now)
        guard case .message(let message) = event else {
            Issue.record("expected a message, got \(event)")
            return
        }
        #expect(message.text == "邮箱满了，收不到信" && message.senderId == "e33ggbyz")
        #expect(message.conversationId == "oc_5ad11d72b830411d72b836c20")
        #expect(message.eventId == "5e3702a84e847582be8db7fb73283c02")
    }

    @Test func urlVerificationIsAnsweredWhenItsTokenMatches() throws {
        let body = #"{"challenge":"ajls384kdjx98XX","token":"v-token","type":"url_verification"}"#
        let event = try FeishuEvents.verify(
            try Self.request(body, signed: false), verificationToken: Self.token, encryptKey: Self.key, now: Self.now)
        #expect(event == .answer(.json(#"{"challenge":"ajls384kdjx98XX"}"#)))
        let forged = #"{"challenge":"x","token":"guess","type":"url_verification"}"#
        #expect(throws: IMRejection.signature) {
            try FeishuEvents.verify(
                try Self.request(forged, signed: false), verificationToken: Self.token, encryptKey: Self.key,
                now: Self.now)
        }
    }

    static let rejected: [(String, IMRequest, IMRejection)] = {
        var tampered = try! request(message)
        tampered.body = try! envelope(message.replacingOccurrences(of: "满了", with: "空了"))
        let otherToken = try! request(message.replacingOccurrences(of: #""token":"v-token""#, with: #""token":"x""#))
        return [
            ("tampered body", tampered, .signature),
            ("an event without a signature", try! request(message, signed: false), .signature),
            ("a wrong verification token", otherToken, .signature),
            ("replayed after an hour", try! request(message, timestamp: "1699996399"), .stale),
        ]
    }()

    @Test(arguments: rejected.indices) func refused(_ index: Int) {
        let (name, request, rejection) = Self.rejected[index]
        #expect(throws: rejection, "\(name)") {
            try FeishuEvents.verify(request, verificationToken: Self.token, encryptKey: Self.key, now: Self.now)
        }
    }
}
