import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// Channels, the mailgate endpoint, a ticket's messages and the quarantine (issue #11).
@Suite("Channels and mail API (issue #11)")
struct ChannelAPITests {
    static let message = """
        From: =?utf-8?B?5byg5LiJ?= <zhangsan@corp.example.cn>\r
        To: support@desk.example.cn\r
        Subject: =?utf-8?B?5omT5Y2w5py65Y2h57q4?=\r
        Message-ID: <gate-1@corp.example.cn>\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        三楼打印机卡纸\r

        """

    /// A mailgate channel created by the admin: its id and its token (shown once).
    static func mailgate(_ api: APIHarness, admin: String, name: String = "MTA") async throws -> (Int, String) {
        let created = try await api.call(
            .post, "/api/v1/admin/channels", token: admin, json: ["kind": "mailgate", "name": name])
        return (try #require(created["id"] as? Int), try #require(created["token"] as? String))
    }

    @Test(
        "a mailgate channel's token (shown once) posts mail: a ticket with its message; a wrong token is 404",
        arguments: TestStores.kinds)
    func mailgate(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let (id, token) = try await Self.mailgate(api, admin: admin, name: "MTA 管道")
            // when
            let posted = try await api.call(.post, "/api/v1/channels/\(id)/mail", token: token, raw: Self.message)
            let again = try await api.call(.post, "/api/v1/channels/\(id)/mail", token: token, raw: Self.message)
            let wrong = try await api.call(.post, "/api/v1/channels/\(id)/mail", token: "nope", raw: Self.message)
            // then
            #expect(posted.status == .ok && posted["outcome"] as? String == "created")
            #expect(again["outcome"] as? String == "duplicate" && again["duplicate"] as? Bool == true)
            #expect(wrong.status == .notFound && wrong.errorCode == "not_found")
            let number = try #require(posted["ticketNumber"] as? String)
            let messages = try await api.call(.get, "/api/v1/tickets/\(number)/messages", token: admin)
            #expect(messages.items.map { $0["subject"] as? String } == ["打印机卡纸"])
            #expect(messages.items.first?["direction"] as? String == "in")
            let listed = try await api.call(.get, "/api/v1/admin/channels", token: admin)
            #expect(listed.items.first?["token"] == nil && listed.items.first?["receivedCount"] as? Int == 1)
        }
    }

    @Test(
        "unparseable mail is stored and quarantined (200); the admin lists it, downloads it and reprocesses it",
        arguments: TestStores.kinds)
    func quarantine(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let (id, token) = try await Self.mailgate(api, admin: admin)
            // when
            let posted = try await api.call(
                .post, "/api/v1/channels/\(id)/mail", token: token, raw: "this is not an e-mail at all")
            // then
            #expect(posted.status == .ok && posted["outcome"] as? String == "quarantined")
            let listed = try await api.call(.get, "/api/v1/admin/mail/quarantine", token: admin)
            #expect(listed.items.map { $0["error"] as? String } == ["not_a_message"])
            let messageId = try #require(listed.items.first?["id"] as? Int)
            let raw = try await api.call(.get, "/api/v1/admin/mail/quarantine/\(messageId)/raw", token: admin)
            #expect(raw.status == .ok && raw.headers[.contentType] == "message/rfc822")
            let again = try await api.call(
                .post, "/api/v1/admin/mail/quarantine/\(messageId)/reprocess", token: admin)
            #expect(again["outcome"] as? String == "quarantined")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let refused = try await api.call(.get, "/api/v1/admin/mail/quarantine", token: requester.token)
            #expect(refused.status == .forbidden)
        }
    }

    @Test(
        "an IMAP channel needs its host and user; the password is write-only and kept when an update leaves it out",
        arguments: TestStores.kinds)
    func imapSettings(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let missing = try await api.call(
                .post, "/api/v1/admin/channels", token: admin, json: ["kind": "imap", "name": "support@"],
                language: "zh-CN")
            #expect(missing.status == .unprocessableContent && missing.errorCode == "field_required")
            let settings: [String: Any] = [
                "host": "127.0.0.1", "security": "starttls", "username": "support", "password": "秘密",
            ]
            let created = try await api.call(
                .post, "/api/v1/admin/channels", token: admin,
                json: ["kind": "imap", "name": "support@", "settings": settings])
            #expect(created.status == .created && created["token"] == nil && created["hasPassword"] as? Bool == true)
            let shown = try #require(created["settings"] as? [String: Any])
            #expect(shown["password"] == nil && shown["port"] as? Int == 143 && shown["folder"] as? String == "INBOX")
            let id = try #require(created["id"] as? Int)
            let updated = try await api.call(
                .put, "/api/v1/admin/channels/\(id)", token: admin,
                json: ["name": "客服邮箱", "settings": ["host": "127.0.0.1", "username": "support"]])
            #expect(
                updated.status == .ok && updated["hasPassword"] as? Bool == true && updated["name"] as? String == "客服邮箱"
            )
            #expect(try await api.call(.delete, "/api/v1/admin/channels/\(id)", token: admin).status == .noContent)
            #expect(try await api.call(.delete, "/api/v1/admin/channels/\(id)", token: admin).status == .notFound)
        }
    }
}
