import Foundation
import Testing

@testable import HelpdeskIM

@Suite struct SlackEventsTests {
    // Slack's own example ("Verifying requests from Slack").
    static let secret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let timestamp = "1531420618"
    static let body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"

    @Test func signatureMatchesSlacksPublishedExample() {
        #expect(
            SlackEvents.signature(secret: Self.secret, timestamp: Self.timestamp, body: Array(Self.body.utf8))
                == "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
    }

    static func request(_ body: String, secret: String = secret, timestamp: String = "1700000000") -> IMRequest {
        IMRequest(
            method: .post,
            headers: [
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": SlackEvents.signature(
                    secret: secret, timestamp: timestamp, body: Array(body.utf8)),
            ], body: Array(body.utf8))
    }

    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let message =
        #"{"type":"event_callback","event_id":"Ev1","event":{"type":"message","channel":"D024BE91L","user":"U2147483697","text":"<@U0BOT> 打印机卡纸了","ts":"1700000000.000100","channel_type":"im"}}"#

    @Test func aSignedMessageIsReadWithoutTheMention() throws {
        let event = try SlackEvents.verify(Self.request(Self.message), signingSecret: Self.secret, now: Self.now)
        guard case .message(let message) = event else {
            Issue.record("expected a message, got \(event)")
            return
        }
        #expect(message.text == "打印机卡纸了")
        #expect(message.conversationId == "D024BE91L" && message.senderId == "U2147483697")
        #expect(message.threadId == "1700000000.000100" && message.eventId == "D024BE91L:1700000000.000100")
    }

    @Test func aMentionInAChannelIsARequestInItsThread() throws {
        let body =
            #"{"type":"event_callback","event":{"type":"app_mention","channel":"C0OPS","channel_type":"channel","user":"U7","text":"<@U0BOT> 共享盘满了","ts":"1700000000.000200","thread_ts":"1699999990.000100"}}"#
        guard
            case .message(let message) = try SlackEvents.verify(
                Self.request(body), signingSecret: Self.secret, now: Self.now)
        else {
            Issue.record("expected a message")
            return
        }
        #expect(message.text == "共享盘满了" && message.threadId == "1699999990.000100")
    }

    @Test func urlVerificationIsAnsweredWithItsChallenge() throws {
        let body =
            #"{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#
        let event = try SlackEvents.verify(Self.request(body), signingSecret: Self.secret, now: Self.now)
        #expect(event == .answer(.text("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")))
    }

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var request: IMRequest
        var rejection: IMRejection
    }

    static let rejected: [Case] = {
        var tampered = request(message)
        tampered.body = Array(message.replacingOccurrences(of: "卡纸", with: "着火").utf8)
        var unsigned = request(message)
        unsigned.headers["x-slack-signature"] = nil
        return [
            Case(description: "tampered body", request: tampered, rejection: .signature),
            Case(description: "other secret", request: request(message, secret: "other"), rejection: .signature),
            Case(description: "no signature", request: unsigned, rejection: .signature),
            Case(
                description: "replay after 5 min", request: request(message, timestamp: "1699999699"), rejection: .stale
            ),
            Case(description: "from the future", request: request(message, timestamp: "1700000301"), rejection: .stale),
        ]
    }()

    @Test(arguments: rejected) func refused(_ test: Case) {
        #expect(throws: test.rejection) {
            try SlackEvents.verify(test.request, signingSecret: Self.secret, now: Self.now)
        }
    }

    @Test(arguments: [
        #"{"type":"event_callback","event":{"type":"message","bot_id":"B1","channel":"C1","user":"U1","text":"已受理","ts":"1.2"}}"#,
        #"{"type":"event_callback","event":{"type":"message","subtype":"message_changed","channel":"C1","ts":"1.2"}}"#,
        #"{"type":"event_callback","event":{"type":"reaction_added","user":"U1"}}"#,
        #"{"type":"event_callback","event":{"type":"app_mention","channel":"C1","user":"U1","text":"<@U0BOT>","ts":"1.2"}}"#,
        #"{"type":"event_callback","event":{"type":"message","channel":"C1","channel_type":"channel","user":"U1","text":"午饭吃什么","ts":"1.2"}}"#,
    ])
    func botsEditsChannelTalkAndEmptyMessagesAreLeftAlone(_ body: String) throws {
        #expect(try SlackEvents.verify(Self.request(body), signingSecret: Self.secret, now: Self.now) == .ignored)
    }
}
