import Foundation
import Testing

@testable import HelpdeskIM

@Suite struct DingTalkRobotTests {
    static let secret = "SECsecretOfTheRobot"
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    // DingTalk publishes no vector; these were computed independently with Python's hmac:
    // base64(hmac.new(secret, f"{ts}\n{secret}", sha256).digest()).
    @Test(arguments: [
        ("1700000000000", "SECsecretOfTheRobot", "E9RXdo3/hPSJtbYA2yBMGRS6NqdIB2dD/Yxp6RIHgag="),
        ("1577262236757", "this is secret", "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM="),
    ])
    func signMatchesAnIndependentComputation(_ timestamp: String, _ secret: String, _ expected: String) {
        #expect(DingTalkRobot.sign(timestamp: timestamp, appSecret: secret) == expected)
    }

    static let body =
        #"{"conversationId":"cid6KeBBLoveMJOGXoYKF5x7EeiodoA==","msgId":"msgdHuy3hGAlrMKxxJ0FhT5Xw==","msgtype":"text","text":{"content":" VPN 连不上 "},"senderNick":"张三","senderStaffId":"manager4220","sessionWebhook":"https://oapi.dingtalk.com/robot/sendBySession?session=xxx","sessionWebhookExpiredTime":1700005400000,"createAt":1699999990000}"#

    static func request(_ body: String = body, timestamp: String = "1700000000000", secret: String = secret)
        -> IMRequest
    {
        IMRequest(
            method: .post,
            headers: ["timestamp": timestamp, "sign": DingTalkRobot.sign(timestamp: timestamp, appSecret: secret)],
            body: Array(body.utf8))
    }

    @Test func aSignedMessageCarriesItsSessionWebhook() throws {
        guard
            case .message(let message) = try DingTalkRobot.verify(Self.request(), appSecret: Self.secret, now: Self.now)
        else {
            Issue.record("expected a message")
            return
        }
        #expect(message.text == "VPN 连不上" && message.senderId == "manager4220" && message.senderName == "张三")
        #expect(message.eventId == "msgdHuy3hGAlrMKxxJ0FhT5Xw==")
        #expect(message.replyURL == "https://oapi.dingtalk.com/robot/sendBySession?session=xxx")
        #expect(message.replyURLExpiresAt == Date(timeIntervalSince1970: 1_700_005_400))
    }

    @Test(arguments: [
        ("tampered sign", request(timestamp: "1700000000000", secret: "other"), IMRejection.signature),
        ("an hour and a second late", request(timestamp: "1699996399000"), IMRejection.stale),
        ("no timestamp", IMRequest(method: .post, headers: ["sign": "x"], body: []), IMRejection.signature),
    ])
    func refused(_ name: String, _ request: IMRequest, _ rejection: IMRejection) {
        #expect(throws: rejection, "\(name)") {
            try DingTalkRobot.verify(request, appSecret: Self.secret, now: Self.now)
        }
    }
}
