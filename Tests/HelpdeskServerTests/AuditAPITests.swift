import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("R9.5 the audit trail through the API")
struct AuditAPITests {
    @Test("R9.5 a requester's day: who changed and who saw their data, and nothing else", arguments: TestStores.kinds)
    func requesterTrail(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: an external requester, an engineer who handles the ticket and one of the group
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let handler = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let colleague = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            #expect(
                try await api.call(
                    .post, "/api/v1/tickets/\(number)/transitions", token: admin,
                    json: ["action": "assign", "assigneeId": handler.id]
                ).status == .ok)
            var profile = try await api.call(.get, "/api/v1/users/\(owner.id)", token: admin).json
            profile["phone"] = "13700001111"
            #expect(try await api.call(.put, "/api/v1/users/\(owner.id)", token: admin, json: profile).status == .ok)
            // when: the handler opens the ticket three times, the requester their own, the colleague reveals
            for _ in 0..<3 { _ = try await api.call(.get, "/api/v1/tickets/\(number)", token: handler.token) }
            _ = try await api.call(.get, "/api/v1/tickets/\(number)", token: owner.token)
            _ = try await api.call(.get, "/api/v1/tickets/\(number)", token: colleague.token)
            let refused = try await api.call(
                .post, "/api/v1/tickets/\(number)/reveal", token: colleague.token,
                json: ["field": "contact", "reason": "  "])
            #expect(refused.status == .unprocessableContent && refused.errorCode == "field_required")
            let revealed = try await api.call(
                .post, "/api/v1/tickets/\(number)/reveal", token: colleague.token,
                json: ["field": "contact", "reason": "回电确认 VPN 账号"])
            #expect(revealed["value"] as? String == "13812345678")
            #expect(revealed.headers[.cacheControl] == "no-store")
            let byRequester = try await api.call(
                .post, "/api/v1/tickets/\(number)/reveal", token: owner.token,
                json: ["field": "contact", "reason": "看看"])
            #expect(byRequester.status == .forbidden)
            // then: "who saw person X"
            let trail = try await api.call(.get, "/api/v1/audit?subject=\(owner.id)", token: admin)
            #expect(trail.status == .ok)
            let actions = trail.items.map { "\($0["action"] as! String) \($0["actorName"] as! String)" }
            #expect(actions == ["ticket.revealed ops", "ticket.viewed li.l1", "user.updated 管理员", "user.created 管理员"])
            let update = trail.items.first { $0["action"] as? String == "user.updated" }
            #expect((update?["detail"] as? [String: String])?["fields"] == "phone")
            let reveal = trail.items.first { $0["action"] as? String == "ticket.revealed" }
            #expect((reveal?["detail"] as? [String: String]) == ["field": "contact", "reason": "回电确认 VPN 账号"])
            // only admins read it, and the filters are checked
            #expect(try await api.call(.get, "/api/v1/audit", token: handler.token).status == .forbidden)
            let bad = try await api.call(.get, "/api/v1/audit?since=yesterday", token: admin)
            #expect(bad.status == .badRequest && bad.errorCode == "invalid_parameter")
            let byActor = try await api.call(.get, "/api/v1/audit?actor=\(colleague.id)&limit=1", token: admin)
            #expect(byActor.items.count == 1 && byActor["nextCursor"] as? Int != nil)
            #expect(try await api.store.verifyAuditChain().intact)
        }
    }

    @Test("R9.5 the admin audit page filters by person, verifies the chain on request and is for admins only")
    func auditPage() async throws {
        try await APIHarness.run(.sqlite) { api in
            // given
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let handler = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            _ = try await api.call(
                .post, "/api/v1/tickets/\(number)/reveal", token: handler.token,
                json: ["field": "contact", "reason": "回电"])
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            // when
            let page = try await browser.get("/admin/audit?subject=\(owner.id)")
            let verified = try await browser.get("/admin/audit?verify=1")
            // then
            #expect(page.status == .ok)
            #expect(page.html.contains("显示被遮蔽的信息") && page.html.contains("field=contact；reason=回电"))
            #expect(page.html.contains("href=\"/tickets/\(number)\""))
            #expect(!page.html.contains("保存处理组"))
            #expect(verified.html.contains("哈希链完整"))
            let agent = WebBrowser(api)
            try await agent.signIn("li.l1")
            #expect(try await agent.get("/admin/audit").status == .forbidden)
            #expect(try await browser.get("/admin/audit?since=yesterday").status == .badRequest)
        }
    }
}
