import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Data-subject export")
struct SubjectExportAPITests {
    @Test(
        "an admin exports a person's profile, tickets, public messages and files; the export is audited",
        arguments: TestStores.kinds)
    func export(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)/worklog"
            _ = try await api.call(.post, path, token: owner.token, json: ["body": "补充：用的是 Windows 11"])
            _ = try await api.call(.post, path, token: admin, json: ["body": "内部：疑似证书过期", "visibility": "internal"])
            _ = try await api.call(.post, path, token: admin, json: ["body": "请重新安装客户端", "visibility": "public"])
            _ = try await api.submitVPNTicket(admin)  // someone else's
            // when
            let response = try await api.call(.get, "/api/v1/users/\(owner.id)/export", token: admin)
            // then
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"user-\(owner.id)-export.json\"")
            #expect((response["user"] as? [String: Any])?["username"] as? String == "xiaoming")
            let tickets = response["tickets"] as? [[String: Any]] ?? []
            #expect(tickets.map { $0["number"] as? String } == [number])
            #expect(tickets.first?["contact"] as? String == "13812345678")
            let texts = (tickets.first?["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts == ["补充：用的是 Windows 11", "请重新安装客户端"])
            #expect(
                try await api.call(.get, "/api/v1/users/\(owner.id)/export", token: agent.token).status == .forbidden)
            #expect(try await api.call(.get, "/api/v1/users/9999/export", token: admin).status == .notFound)
            let audit = try await api.call(.get, "/api/v1/audit?subject=\(owner.id)", token: admin).items
            let exported = audit.first { $0["action"] as? String == "user.exported" }
            #expect((exported?["detail"] as? [String: String])?["tickets"] == "1")
        }
    }
}
