import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import SQLKit
import Testing

@Suite("R9.4 credentials pasted into tickets")
struct RedactionAPITests {
    @Test(
        "R9.4 intake and work log hide credentials before storing and say what kind was hidden",
        arguments: TestStores.kinds)
    func redactedBeforeStoring(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            // when
            let created = try await api.call(
                .post, "/api/v1/tickets", token: owner.token,
                json: [
                    "title": "邮箱登录不了", "description": "账号 xiaoming，密码：Abc@12345，身份证 11010519491231002X，版本 v1.13.2",
                    "impact": "low", "urgency": "medium", "categoryId": 6, "contact": "13812345678",
                ])
            // then
            #expect(created.status == .created)
            let ticket = created["ticket"] as! [String: Any]
            let number = ticket["number"] as! String
            #expect(ticket["description"] as? String == "账号 xiaoming，密码：[已隐藏]，身份证 [已隐藏]，版本 v1.13.2")
            #expect(ticket["contact"] as? String == "13812345678")
            let warnings = (created["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(warnings.contains("sensitive_data_redacted"))
            let ack = (created["acknowledgement"] as! [String: Any])["message"] as! String
            #expect(ack.contains("请勿通过工单发送此类信息"))
            let worklog = try await api.call(
                .post, "/api/v1/tickets/\(number)/worklog", token: admin,
                json: ["body": "已重置，临时 password=Tmp#2026x 登录后请修改；工单 \(number)，IP 10.0.0.1", "visibility": "public"])
            #expect(worklog.status == .ok || worklog.status == .created)
            let events = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: admin).items
            let createdEvent = events.first { $0["kind"] as? String == "created" }
            #expect((createdEvent?["data"] as? [String: String])?["redacted"] == "credential,resident_id")
            let logged = events.first { $0["kind"] as? String == "worklog" }
            #expect(logged?["body"] as? String == "已重置，临时 password=[已隐藏] 登录后请修改；工单 \(number)，IP 10.0.0.1")
            #expect((logged?["data"] as? [String: String])?["redacted"] == "credential")
            // nothing of the secrets reached the database
            let sql = api.store.database
            let leaked = try await sql.read { db in
                try await db.raw(
                    "SELECT count(*) AS n FROM tickets WHERE doc LIKE '%Abc@12345%' OR doc LIKE '%11010519491231002X%'"
                ).first()!.decode(column: "n", as: Int.self)
                    + db.raw("SELECT count(*) AS n FROM ticket_events WHERE body LIKE '%Tmp#2026x%'").first()!.decode(
                        column: "n", as: Int.self)
            }
            #expect(leaked == 0)
        }
    }

    @Test("R9.4 a request without secrets is stored as written and gets no redaction warning")
    func cleanRequestUntouched() async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let text =
                "订单号 202612021530001234 在 2026-12-02 10:30 报错 E1001，服务器 192.168.1.10，版本 5.15.0-91-generic，分机 8021"
            let created = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: [
                    "title": "下单报错", "description": text, "impact": "low", "urgency": "medium", "categoryId": 6,
                    "contact": "8021", "requester": ["name": "张三"],
                ])
            #expect((created["ticket"] as? [String: Any])?["description"] as? String == text)
            let warnings = (created["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(!warnings.contains("sensitive_data_redacted"))
        }
    }
}
