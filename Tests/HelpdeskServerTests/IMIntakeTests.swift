import Foundation
import HTTPTypes
import HelpdeskCore
import HelpdeskIM
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import HelpdeskServer

/// IM intake end to end (issue #11): a signed callback as each platform sends it → one ticket
/// (however often it is delivered) → the acknowledgement and a public reply posted back to the
/// same conversation on a local fake of the platform's API; refused signatures and replays.
@Suite("IM intake: callbacks, tickets and answers on a local fake platform")
struct IMIntakeTests {
    static let cases: [(StoreKind, IMPlatform)] = TestStores.kinds.flatMap { kind in
        IMPlatform.allCases.map { (kind, $0) }
    }

    static func post(_ api: APIHarness, channel: Int64, _ callback: FakeIMPlatform.Callback) async throws
        -> (status: HTTPResponse.Status, body: String, code: String?)
    {
        var headers = HTTPFields()
        for (name, value) in callback.headers { headers[HTTPField.Name(name)!] = value }
        let uri = "/api/v1/channels/\(channel)/events" + (callback.query.isEmpty ? "" : "?" + callback.query)
        return try await api.client.execute(
            uri: uri, method: callback.method, headers: headers, body: ByteBuffer(bytes: callback.body)
        ) { response in
            let text = String(buffer: response.body)
            let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            return (response.status, text, (json?["error"] as? [String: Any])?["code"] as? String)
        }
    }

    /// Posts the callbacks all at once; their answers' statuses.
    static func postAtOnce(_ api: APIHarness, channel: Int64, _ callbacks: [FakeIMPlatform.Callback]) async throws
        -> [HTTPResponse.Status]
    {
        try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for callback in callbacks { group.addTask { try await Self.post(api, channel: channel, callback).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    static func createChannel(_ api: APIHarness, _ platform: IMPlatform, port: Int, admin: String) async throws
        -> Int64
    {
        // The fake platform is on 127.0.0.1, which an IM channel's API may only be once allowed.
        try await WebhookDeliveryTests.allowLoopbackTargets(api.store)
        let created = try await api.call(
            .post, "/api/v1/admin/channels", token: admin,
            json: [
                "kind": platform.rawValue, "name": "\(platform.rawValue) 服务台",
                "settings": FakeIMPlatform.settings(platform, port: port),
            ])
        #expect(created.status == .created)
        let id = try #require(created["id"] as? Int64 ?? (created["id"] as? Int).map(Int64.init))
        #expect(created["callbackPath"] as? String == "/api/v1/channels/\(id)/events")
        let settings = created["settings"] as? [String: Any] ?? [:]
        #expect(settings["apiBaseUrl"] as? String == "http://127.0.0.1:\(port)")
        for secret in ChannelSettings.secretNames { #expect(settings[secret] == nil) }
        #expect((created["secretsSet"] as? [String])?.isEmpty == false)
        return id
    }

    /// Waits for the processing that follows each answer (off the request).
    static func settle(_ api: APIHarness) async throws {
        for _ in 0..<300 {
            if try await api.store.pendingMail(limit: 1).isEmpty { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("IM messages still pending")
    }

    static func scheduler(_ api: APIHarness) -> SLAScheduler {
        SLAScheduler(
            store: api.store, clock: AppClock { api.clock.now },
            channels: [
                .im: IMChannel(
                    store: api.store, localizer: APIHarness.localizer, timeout: 5, tokens: IMTokenCache(),
                    now: { api.clock.now })
            ], logger: TestStores.logger)
    }

    /// Where the fake saw the desk's message go, and its text, per platform.
    static func delivered(_ hit: FakeIMPlatform.Hit, _ platform: IMPlatform, sentAt seconds: Int) -> (Bool, String) {
        let body = hit.body
        switch platform {
        case .slack:
            return (
                hit.path == "/api/chat.postMessage" && hit.authorization == "Bearer xoxb-fake"
                    && body["channel"] as? String == "conv-1"
                    && body["thread_ts"] as? String == FakeIMPlatform.slackTs(id: "m1", seconds: String(seconds)),
                body["text"] as? String ?? ""
            )
        case .feishu:
            return (
                hit.path == "/open-apis/im/v1/messages" && hit.query == "receive_id_type=chat_id"
                    && hit.authorization == "Bearer t-fake" && body["receive_id"] as? String == "conv-1",
                body["content"] as? String ?? ""
            )
        case .wecom:
            return (
                hit.path == "/cgi-bin/message/send" && hit.query == "access_token=a-fake"
                    && body["touser"] as? String == "zhangsan" && body["agentid"] as? String == "1000002",
                body["text"] as? String ?? ""
            )
        case .dingtalk:
            return (hit.path == "/robot/sendBySession" && hit.query == "session=s1", body["text"] as? String ?? "")
        }
    }

    @Test(
        "R1.1/R1.5: a message to the bot, delivered 5 times, is one ticket; its acknowledgement and a public reply go back to the conversation",
        arguments: cases)
    func roundTrip(kind: StoreKind, platform: IMPlatform) async throws {
        try await FakeIMPlatform.run { fake, port in
            try await APIHarness.run(kind) { api in
                let admin = try await api.token("admin")
                let channel = try await Self.createChannel(api, platform, port: port, admin: admin)
                let seconds = Int(api.clock.now.timeIntervalSince1970)
                let callback = try FakeIMPlatform.callback(
                    platform, text: "打印机卡纸了，三楼东侧", id: "m1", port: port, now: api.clock.now)
                for _ in 0..<5 {
                    let answer = try await Self.post(api, channel: channel, callback)
                    #expect(answer.status == .ok, "\(answer.body)")
                }
                try await Self.settle(api)
                let quarantined = try await api.store.quarantinedMail(limit: 5)
                #expect(quarantined.isEmpty, "\(quarantined.map(\.error))")
                let list = try await api.call(.get, "/api/v1/tickets", token: admin)
                #expect(list.items.count == 1)
                let number = try #require(list.items.first?["number"] as? String)
                let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
                #expect(ticket["channel"] as? String == "im" && ticket["title"] as? String == "打印机卡纸了，三楼东侧")

                let scheduler = Self.scheduler(api)
                var report = await scheduler.tick()
                #expect(report.failed == 0)
                let acknowledgement = try #require(fake.messages.last)
                let (addressed, text) = Self.delivered(acknowledgement, platform, sentAt: seconds)
                #expect(addressed, "\(acknowledgement)")
                #expect(text.contains(number), "\(text)")
                #expect(text.contains("直接在本会话中回复") && !text.contains("邮件"), "\(text)")

                let reply = try await api.call(
                    .post, "/api/v1/tickets/\(number)/worklog", token: admin,
                    json: ["body": "已为您远程清除卡纸，请再试一次", "visibility": "public"])
                #expect(reply.status == .ok || reply.status == .created)
                report = await scheduler.tick()
                #expect(report.failed == 0 && report.delivered >= 1)
                let answered = try #require(fake.messages.last)
                #expect(Self.delivered(answered, platform, sentAt: seconds).0)
                #expect(Self.delivered(answered, platform, sentAt: seconds).1.contains("已为您远程清除卡纸"))

                // The same sender writes again in the conversation: their open ticket continues.
                let again = try FakeIMPlatform.callback(
                    platform, text: "还是不行，又卡住了", id: "m2", port: port, now: api.clock.now)
                #expect(try await Self.post(api, channel: channel, again).status == .ok)
                try await Self.settle(api)
                #expect(try await api.call(.get, "/api/v1/tickets", token: admin).items.count == 1)
                let messages = try await api.call(.get, "/api/v1/tickets/\(number)/messages", token: admin).items
                #expect(
                    messages.filter { $0["direction"] as? String == "in" }.map { $0["text"] as? String } == [
                        "打印机卡纸了，三楼东侧", "还是不行，又卡住了",
                    ])
                #expect(messages.filter { $0["direction"] as? String == "out" }.count == 2)
                let events = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: admin).items
                #expect(events.contains { $0["body"] as? String == "还是不行，又卡住了" })
            }
        }
    }

    @Test(
        "R5.2 a message in the conversation of a resolved ticket reopens it when it says not solved, else joins it",
        arguments: TestStores.kinds)
    func resolvedConversation(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let channel = try await Self.createChannel(api, .dingtalk, port: 9, admin: admin)
            func say(_ text: String, _ id: String) async throws {
                let callback = try FakeIMPlatform.callback(.dingtalk, text: text, id: id, port: 9, now: api.clock.now)
                #expect(try await Self.post(api, channel: channel, callback).status == .ok)
                try await Self.settle(api)
            }
            try await say("邮箱登录不上", "d1")
            let number = try #require(
                try await api.call(.get, "/api/v1/tickets", token: admin).items.first?["number"] as? String)
            try await MailConversationTests.resolve(number, "已重置密码", api: api)
            try await say("好的，我试试", "d2")
            #expect(try await api.store.ticket(number: number)?.status == .resolved)
            try await say("还是不行，提示密码错误", "d3")
            #expect(try await api.store.ticket(number: number)?.status == .inProgress)
            #expect(try await api.call(.get, "/api/v1/tickets", token: admin).items.count == 1)
        }
    }

    @Test(
        "deliveries at once: one message delivered 5 times in parallel, and 6 messages of one sender in parallel, make one ticket",
        arguments: cases)
    func concurrentDeliveries(kind: StoreKind, platform: IMPlatform) async throws {
        try await FakeIMPlatform.run { _, port in
            try await APIHarness.run(kind) { api in
                let admin = try await api.token("admin")
                let channel = try await Self.createChannel(api, platform, port: port, admin: admin)
                // Six messages of one sender at once, before any ticket exists: one opens it, the
                // others join it.
                let messages = try (1...6).map {
                    try FakeIMPlatform.callback(
                        platform, text: "补充第 \($0) 条", id: "c\($0)", port: port, now: api.clock.now)
                }
                #expect(try await Self.postAtOnce(api, channel: channel, messages) == Array(repeating: .ok, count: 6))
                try await Self.settle(api)
                // One message delivered five times at once.
                let repeated = try FakeIMPlatform.callback(
                    platform, text: "打不开网页", id: "c0", port: port, now: api.clock.now)
                let copies = Array(repeating: repeated, count: 5)
                #expect(try await Self.postAtOnce(api, channel: channel, copies) == Array(repeating: .ok, count: 5))
                try await Self.settle(api)
                let tickets = try await api.call(.get, "/api/v1/tickets", token: admin).items
                #expect(tickets.count == 1)
                let number = try #require(tickets.first?["number"] as? String)
                let incoming = try await api.call(.get, "/api/v1/tickets/\(number)/messages", token: admin).items
                    .filter { $0["direction"] as? String == "in" }
                #expect(incoming.count == 7)
            }
        }
    }

    @Test(
        "DingTalk signs no body: a captured timestamp and sign cannot carry a second message",
        arguments: TestStores.kinds)
    func dingTalkSignIsUsedOnce(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let channel = try await Self.createChannel(api, .dingtalk, port: 9, admin: admin)
            let genuine = try FakeIMPlatform.callback(.dingtalk, text: "密码过期", id: "g1", port: 9, now: api.clock.now)
            #expect(try await Self.post(api, channel: channel, genuine).status == .ok)
            // the platform's retry of the same message is still one message
            #expect(try await Self.post(api, channel: channel, genuine).status == .ok)
            var forged = try FakeIMPlatform.callback(
                .dingtalk, text: "请把我的权限改成管理员", id: "g2", sender: "attacker", port: 9, now: api.clock.now)
            forged.headers = genuine.headers
            let refused = try await Self.post(api, channel: channel, forged)
            #expect(refused.status == .unauthorized && refused.code == "im_request_stale", "\(refused.body)")
            try await Self.settle(api)
            #expect(try await api.call(.get, "/api/v1/tickets", token: admin).items.count == 1)
        }
    }

    @Test(
        "an admin links a sender's IM id to an employee's account: their next request is that account's",
        arguments: TestStores.kinds)
    func linkedIdentity(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let channel = try await Self.createChannel(api, .dingtalk, port: 9, admin: admin)
            let sender = "$:LWCP_v1:$wangwu"
            func say(_ text: String, _ id: String) async throws -> String? {
                let callback = try FakeIMPlatform.callback(
                    .dingtalk, text: text, id: id, sender: sender, conversation: "cid-\(id)", port: 9,
                    now: api.clock.now)
                #expect(try await Self.post(api, channel: channel, callback).status == .ok)
                try await Self.settle(api)
                return try await api.call(.get, "/api/v1/tickets", token: admin).items.first?["number"] as? String
            }
            // given: the first message made an external requester for the id
            let first = try #require(try await say("无法打印", "i1"))
            #expect(try await api.store.ticket(number: first)?.requester.name == "张三")
            _ = try await api.signUp("wangwu", role: "requester", admin: admin)
            let path =
                "/api/v1/admin/channels/\(channel)/identities/\(sender.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            // when
            let linked = try await api.call(.put, path, token: admin, json: ["username": "wangwu"])
            // then
            #expect(
                linked.status == .ok && linked["username"] as? String == "wangwu"
                    && linked["externalId"] as? String == sender)
            let listed = try await api.call(.get, "/api/v1/admin/channels/\(channel)/identities", token: admin).items
            #expect(listed.map { $0["username"] as? String } == ["wangwu"])
            let second = try #require(try await say("显示器不亮", "i2"))
            let wangwu = try #require(try await api.store.user(username: "wangwu"))
            let secondTicket = try await api.store.ticket(number: second)
            #expect(second != first && secondTicket?.requester.userId == wangwu.id)
            // refusals, then the link removed
            let unknown = try await api.call(.put, path, token: admin, json: ["username": "nobody"])
            #expect(unknown.status == .unprocessableContent && unknown.errorCode == "invalid_reference")
            #expect(try await api.call(.delete, path, token: admin).status == .noContent)
            #expect(try await api.call(.delete, path, token: admin).status == .notFound)
            #expect(
                try await api.call(.get, "/api/v1/admin/channels/\(channel + 99)/identities", token: admin).status
                    == .notFound)
        }
    }

    @Test("a tampered callback and a replay outside the platform's window are refused with 401", arguments: cases)
    func refused(kind: StoreKind, platform: IMPlatform) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let channel = try await Self.createChannel(api, platform, port: 9, admin: admin)
            var tampered = try FakeIMPlatform.callback(platform, text: "重置密码", id: "t1", port: 9, now: api.clock.now)
            if platform == .dingtalk {
                // DingTalk signs the timestamp with the secret, not the body: a forged sign is what fails.
                tampered.headers["sign"] = DingTalkRobot.sign(
                    timestamp: tampered.headers["timestamp"]!, appSecret: "guess")
            } else if platform == .wecom {
                tampered.query = tampered.query.replacingOccurrences(of: "nonce=n1", with: "nonce=n2")
            } else {
                tampered.body = Array(
                    String(decoding: tampered.body, as: UTF8.self).replacingOccurrences(of: "}", with: " }").utf8)
            }
            let forged = try await Self.post(api, channel: channel, tampered)
            #expect(forged.status == .unauthorized && forged.code == "im_signature_invalid", "\(forged.body)")

            let old = try FakeIMPlatform.callback(
                platform, text: "重置密码", id: "t2", port: 9,
                now: api.clock.now.addingTimeInterval(platform == .slack ? -301 : -3601))
            let replay = try await Self.post(api, channel: channel, old)
            #expect(replay.status == .unauthorized && replay.code == "im_request_stale", "\(replay.body)")
            #expect(try await api.store.pendingMail(limit: 10).isEmpty)
            let missing = try await Self.post(api, channel: channel + 100, old)
            #expect(missing.status == .notFound)
        }
    }

    @Test("Slack's and Feishu's url_verification and WeCom's GET echo are answered", arguments: TestStores.kinds)
    func urlVerification(kind: StoreKind) async throws {
        // WeCom's official sample, at its own time.
        try await APIHarness.run(kind, at: Date(timeIntervalSince1970: 1_409_659_600)) { api in
            let admin = try await api.token("admin")
            let slack = try await Self.createChannel(api, .slack, port: 9, admin: admin)
            let challenge = FakeIMPlatform.json(["type": "url_verification", "challenge": "3eZbrw1aBm2r", "token": "x"])
            let seconds = String(Int(api.clock.now.timeIntervalSince1970))
            let slackAnswer = try await Self.post(
                api, channel: slack, FakeIMPlatform.signedSlack(challenge, timestamp: seconds))
            #expect(slackAnswer.status == .ok && slackAnswer.body == "3eZbrw1aBm2r")

            let feishu = try await Self.createChannel(api, .feishu, port: 9, admin: admin)
            let verification = FakeIMPlatform.json([
                "type": "url_verification", "challenge": "ajls384kdjx98XX", "token": "v-token",
            ])
            let feishuAnswer = try await Self.post(
                api, channel: feishu, try FakeIMPlatform.signedFeishu(verification, timestamp: nil))
            #expect(feishuAnswer.status == .ok && feishuAnswer.body == #"{"challenge":"ajls384kdjx98XX"}"#)

            let created = try await api.call(
                .post, "/api/v1/admin/channels", token: admin,
                json: [
                    "kind": "wecom", "name": "企业微信",
                    "settings": [
                        "token": "QDG6eK", "encodingAESKey": FakeIMPlatform.aesKey, "corpId": "wx5823bf96d3bd56c7",
                        "secret": "s",
                    ],
                ])
            let wecom = try #require(created["id"] as? Int64 ?? (created["id"] as? Int).map(Int64.init))
            let echo = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
            let query =
                "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr="
                + echo.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let wecomAnswer = try await Self.post(
                api, channel: wecom, FakeIMPlatform.Callback(method: .get, query: query, body: []))
            #expect(wecomAnswer.status == .ok && wecomAnswer.body == "1616140317555161061", "\(wecomAnswer.body)")
        }
    }

    @Test(
        "IM channels need their platform's secrets, keep them write-only, and keep them on an update",
        arguments: TestStores.kinds)
    func settings(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let missing = try await api.call(
                .post, "/api/v1/admin/channels", token: admin,
                json: ["kind": "feishu", "name": "飞书", "settings": ["appId": "cli_1"]])
            #expect(missing.status == .unprocessableContent && missing.errorCode == "field_required")
            let badKey = try await api.call(
                .post, "/api/v1/admin/channels", token: admin,
                json: [
                    "kind": "wecom", "name": "企业微信",
                    "settings": ["token": "t", "encodingAESKey": "short", "corpId": "ww1", "secret": "s"],
                ])
            #expect(badKey.status == .unprocessableContent && badKey.errorCode == "invalid_value")
            let id = try await Self.createChannel(api, .slack, port: 9, admin: admin)
            let renamed = try await api.call(
                .put, "/api/v1/admin/channels/\(id)", token: admin,
                json: ["name": "Slack 支持", "settings": ["apiBaseUrl": "http://127.0.0.1:9/"]])
            #expect(renamed.status == .ok)
            #expect(renamed["secretsSet"] as? [String] == ["signingSecret", "botToken"])
            // Another API host would be sent the kept secrets: they are entered again.
            let moved = try await api.call(
                .put, "/api/v1/admin/channels/\(id)", token: admin,
                json: ["name": "Slack 支持", "settings": ["apiBaseUrl": "https://slack-proxy.corp.example"]])
            #expect(moved.status == .unprocessableContent && moved.errorCode == "field_required")
            // An internal API host is refused unless the desk allows internal targets.
            var desk = try await api.store.deskSettings()
            desk.allowInternalWebhookTargets = false
            try await api.store.saveDeskSettings(desk, now: api.clock.now)
            let internalHost = try await api.call(
                .post, "/api/v1/admin/channels", token: admin,
                json: [
                    "kind": "dingtalk", "name": "钉钉", "settings": ["appSecret": "s", "apiBaseUrl": "http://10.0.0.5"],
                ])
            #expect(internalHost.status == .unprocessableContent && internalHost.errorCode == "internal_address")
            // The kept secret still verifies the platform's signature.
            let body = FakeIMPlatform.json(["type": "url_verification", "challenge": "c1"])
            let answer = try await Self.post(
                api, channel: id,
                FakeIMPlatform.signedSlack(body, timestamp: String(Int(api.clock.now.timeIntervalSince1970))))
            #expect(answer.status == .ok && answer.body == "c1")
        }
    }
}
