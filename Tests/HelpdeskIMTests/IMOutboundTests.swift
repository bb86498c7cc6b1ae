import Foundation
import Testing

@testable import HelpdeskIM

@Suite struct IMOutboundTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func json(_ request: IMHTTPRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    @Test func slackAnswersInTheRequestsThread() throws {
        let request = try IMOutbound.messageRequest(
            .slack, text: "已受理：TS1",
            to: IMReplyTarget(platform: .slack, conversationId: "C1", threadId: "1.2", senderId: "U1"),
            credentials: IMCredentials(botToken: "xoxb-1", apiBaseUrl: "http://127.0.0.1:9"), accessToken: nil,
            now: Self.now)
        #expect(request.url.absoluteString == "http://127.0.0.1:9/api/chat.postMessage")
        #expect(request.headers["Authorization"] == "Bearer xoxb-1")
        let body = try Self.json(request)
        #expect(body["channel"] as? String == "C1" && body["thread_ts"] as? String == "1.2")
        #expect(body["text"] as? String == "已受理：TS1")
    }

    @Test func feishuAndWeComUseTheirTokens() throws {
        let feishu = IMCredentials(appSecret: "s", appId: "cli_1", apiBaseUrl: "https://open.feishu.cn")
        let tokenRequest = try #require(try IMOutbound.tokenRequest(.feishu, credentials: feishu))
        #expect(
            tokenRequest.url.absoluteString == "https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal")
        #expect(try Self.json(tokenRequest)["app_id"] as? String == "cli_1")
        let token = try IMOutbound.token(
            .feishu, from: Array(#"{"code":0,"tenant_access_token":"t-1","expire":7200}"#.utf8))
        #expect(token.token == "t-1" && token.lifetime == 7200)
        let send = try IMOutbound.messageRequest(
            .feishu, text: "你好", to: IMReplyTarget(platform: .feishu, conversationId: "oc_1", senderId: "u"),
            credentials: feishu, accessToken: "t-1", now: Self.now)
        #expect(send.url.absoluteString == "https://open.feishu.cn/open-apis/im/v1/messages?receive_id_type=chat_id")
        #expect(try Self.json(send)["content"] as? String == #"{"text":"你好"}"#)

        let wecom = IMCredentials(corpId: "ww1", secret: "s")
        let wecomToken = try #require(try IMOutbound.tokenRequest(.wecom, credentials: wecom))
        #expect(wecomToken.url.absoluteString == "https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=s")
        let message = try IMOutbound.messageRequest(
            .wecom, text: "好的",
            to: IMReplyTarget(platform: .wecom, conversationId: "zhangsan", senderId: "zhangsan", agentId: "1000002"),
            credentials: wecom, accessToken: "a b", now: Self.now)
        #expect(message.url.absoluteString == "https://qyapi.weixin.qq.com/cgi-bin/message/send?access_token=a%20b")
        let body = try Self.json(message)
        #expect(body["touser"] as? String == "zhangsan" && body["agentid"] as? Int == 1_000_002)
    }

    @Test(arguments: [
        ("https://evil.example/robot/sendBySession?session=1", nil as Double?, "not on"),
        ("https://oapi.dingtalk.com/robot/sendBySession?session=1", 1_699_999_999, "expired"),
        (nil as String?, nil as Double?, "no session webhook"),
    ])
    func dingTalkOnlyPostsToALiveWebhookOfItsOwnHost(_ url: String?, _ expiry: Double?, _ reason: String) {
        let target = IMReplyTarget(
            platform: .dingtalk, conversationId: "cid", senderId: "s", replyURL: url,
            replyURLExpiresAt: expiry.map(Date.init(timeIntervalSince1970:)))
        do {
            _ = try IMOutbound.messageRequest(
                .dingtalk, text: "x", to: target, credentials: IMCredentials(), accessToken: nil, now: Self.now)
            Issue.record("expected a refusal")
        } catch let error as IMSendError {
            #expect(error.permanent && error.description.contains(reason))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        (IMPlatform.slack, 200, #"{"ok":true}"#, true), (.slack, 200, #"{"ok":false,"error":"not_in_channel"}"#, false),
        (.feishu, 200, #"{"code":0}"#, true), (.feishu, 200, #"{"code":99991663}"#, false),
        (.wecom, 200, #"{"errcode":0,"errmsg":"ok"}"#, true), (.wecom, 200, #"{"errcode":42001}"#, false),
        (.dingtalk, 200, #"{"errcode":0}"#, true), (.dingtalk, 500, "", false),
    ])
    func answersAreCheckedAsEachPlatformWritesThem(_ platform: IMPlatform, _ status: Int, _ body: String, _ taken: Bool)
    {
        let accepted = (try? IMOutbound.check(platform, status: status, body: Array(body.utf8))) != nil
        #expect(accepted == taken)
    }
}
