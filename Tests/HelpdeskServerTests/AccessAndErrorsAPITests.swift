import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Authentication, roles, masking and bad input")
struct AccessAndErrorsAPITests {
    @Test("tokens: sign-in, bad password, missing and revoked tokens", arguments: TestStores.kinds)
    func tokens(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let bad = try await api.call(
                .post, "/api/v1/auth/token", json: ["username": "admin", "password": "wrong-password"])
            #expect(bad.status == .unauthorized && bad.errorCode == "invalid_credentials")
            let unknown = try await api.call(
                .post, "/api/v1/auth/token", json: ["username": "nobody", "password": "x"])
            #expect(unknown.status == .unauthorized)
            let anonymous = try await api.call(.get, "/api/v1/tickets")
            #expect(anonymous.status == .unauthorized && anonymous.errorCode == "unauthorized")
            #expect(anonymous.errorMessage == "请先登录，或提供有效的访问令牌。")
            let token = try await api.token("admin")
            #expect(token.count >= 43)  // 256 random bits, base64url
            #expect(try await api.call(.get, "/api/v1/me", token: token).status == .ok)
            #expect(try await api.call(.get, "/api/v1/me", token: token + "x").status == .unauthorized)
            #expect(try await api.call(.delete, "/api/v1/auth/token", token: token).status == .noContent)
            #expect(try await api.call(.get, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test("R9.1 requesters see only their own tickets; agents their groups'; R9.2 masking", arguments: TestStores.kinds)
    func visibilityAndMasking(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let other = try await api.signUp("other", role: "requester", admin: admin)
            let groupAgent = try await api.signUp("ops", role: "agent", groups: [1], admin: admin)
            let outsider = try await api.signUp("net", role: "agent", groups: [4], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            // then
            let own = try await api.call(.get, "/api/v1/tickets/\(number)", token: owner.token)
            #expect(own["contact"] as? String == "13812345678" && own["personalDataMasked"] as? Bool == false)
            #expect(try await api.call(.get, "/api/v1/tickets/\(number)", token: other.token).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/tickets", token: other.token).items.isEmpty)
            #expect(try await api.call(.get, "/api/v1/tickets/\(number)", token: outsider.token).status == .notFound)
            let masked = try await api.call(.get, "/api/v1/tickets/\(number)", token: groupAgent.token)
            #expect(masked["contact"] as? String == "*5678")
            #expect((masked["requester"] as? [String: Any])?["name"] as? String == "王小*")
            #expect(masked["personalDataMasked"] as? Bool == true)
            let list = try await api.call(.get, "/api/v1/tickets?status=new", token: groupAgent.token)
            #expect(list.items.count == 1 && list.items[0]["requesterName"] as? String == "王小*")
            #expect(
                try await api.call(.get, "/api/v1/tickets", token: admin).items.first?["requesterName"] as? String
                    == "王小明")
            let full = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(full["contact"] as? String == "13812345678")
            // requesters cannot administer
            let forbidden = try await api.call(.post, "/api/v1/groups", token: owner.token, json: ["name": "黑客组"])
            #expect(forbidden.status == .forbidden && forbidden.errorCode == "forbidden")
            #expect(try await api.call(.get, "/api/v1/users", token: owner.token).status == .forbidden)
            #expect(try await api.call(.get, "/api/v1/categories", token: owner.token).items.count == 7)
        }
    }

    @Test("malformed or oversized input is a clear 4xx and creates nothing", arguments: TestStores.kinds)
    func badInput(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let cases: [(String?, [String: Any]?, Int, String)] = [
                ("{not json", nil, 400, "invalid_json"),
                (nil, ["title": "x", "description": "y", "impact": "huge", "urgency": "low"], 400, "invalid_json"),
                (nil, ["title": "x", "impact": "low", "urgency": "low"], 400, "invalid_json"),
                (
                    nil, ["title": "  ", "description": "y", "impact": "low", "urgency": "low", "contact": "1"], 422,
                    "field_required"
                ),
                (
                    nil,
                    [
                        "title": String(repeating: "长", count: 201), "description": "y", "impact": "low",
                        "urgency": "low", "contact": "1",
                    ], 422, "invalid_value"
                ),
                (
                    nil,
                    [
                        "title": "x", "description": "y", "impact": "low", "urgency": "low", "contact": "1",
                        "categoryId": 999,
                    ], 422, "invalid_reference"
                ),
                (
                    nil,
                    [
                        "title": "x", "description": "y", "impact": "low", "urgency": "low", "contact": "1",
                        "categoryId": 5, "subcategoryId": 2,
                    ], 422, "invalid_reference"
                ),
                (String(repeating: "x", count: 2 * 1024 * 1024), nil, 413, "payload_too_large"),
            ]
            for (raw, json, status, code) in cases {
                let response = try await api.call(.post, "/api/v1/tickets", token: admin, json: json, raw: raw)
                #expect(response.status.code == status, "\(code)")
                #expect(response.errorCode == code)
                #expect(response.errorMessage?.isEmpty == false)
            }
            #expect(try await api.call(.get, "/api/v1/tickets", token: admin).items.isEmpty)
            #expect(
                try await api.call(.get, "/api/v1/tickets?status=bogus", token: admin).errorCode == "invalid_parameter")
            #expect(try await api.call(.get, "/api/v1/tickets?limit=0", token: admin).status == .badRequest)
            #expect(try await api.call(.get, "/api/v1/tickets/NOPE", token: admin).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/nowhere", token: admin).status == .notFound)
            let missing = try await api.call(
                .post, "/api/v1/tickets", token: admin, json: ["title": "x", "impact": "low", "urgency": "low"])
            #expect(missing.errorMessage == "请求内容不是有效的 JSON，或字段类型不正确：description")
            let wrongEnum = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: ["title": "x", "description": "y", "impact": "huge", "urgency": "low"], language: "en")
            #expect(
                wrongEnum.errorMessage == "The request body is not valid JSON or a field has the wrong type: impact")
            #expect(
                try await api.call(.put, "/api/v1/groups/abc", token: admin, json: ["name": "x"]).errorCode
                    == "invalid_parameter")
            #expect(try await api.call(.put, "/api/v1/groups/0", token: admin, json: ["name": "x"]).status == .notFound)
            let forbidden = try await api.call(
                .get, "/api/v1/settings", token: try await api.signUp("req", role: "requester", admin: admin).token)
            #expect(forbidden.errorMessage == "您没有执行此操作（查看或修改设置）的权限。")
        }
    }

    @Test(
        "admin writes users, groups, categories, calendars, policies and settings; staff read them",
        arguments: TestStores.kinds)
    func administration(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let agent = try await api.signUp("agent", role: "agent", tier: "L2", groups: [1, 3], admin: admin)
            #expect(try await api.call(.get, "/api/v1/groups", token: agent.token).items.count == 5)
            let group = try await api.call(
                .post, "/api/v1/groups", token: admin, json: ["name": "安全组", "nameEn": "Security"])
            #expect(group.status == .created)
            #expect(
                try await api.call(.post, "/api/v1/groups", token: admin, json: ["name": "安全组"]).errorCode
                    == "duplicate")
            let category = try await api.call(
                .post, "/api/v1/categories", token: admin,
                json: [
                    "name": "权限", "nameEn": "Permission", "sortOrder": 9, "active": true,
                    "defaultGroupId": group["id"] ?? 0,
                ])
            #expect(category.status == .created)
            let duplicateUser = try await api.call(
                .post, "/api/v1/users", token: admin,
                json: [
                    "username": "agent", "displayName": "x", "role": "agent", "password": "long-enough-1",
                ])
            #expect(duplicateUser.status == .conflict)
            let weak = try await api.call(
                .post, "/api/v1/users", token: admin,
                json: [
                    "username": "weak", "displayName": "x", "role": "requester", "password": "short",
                ])
            #expect(weak.status == .unprocessableContent)
            let settings = try await api.call(
                .put, "/api/v1/settings", token: admin, json: ["ticketNumberFormat": "IT{yyyyMMdd}{seq:3}"])
            #expect(settings["ticketNumberFormat"] as? String == "IT{yyyyMMdd}{seq:3}")
            let badFormat = try await api.call(
                .put, "/api/v1/settings", token: admin, json: ["ticketNumberFormat": "IT{seq}{yyyy}"])
            #expect(badFormat.errorCode == "invalid_format")
            let created = try await api.call(
                .post, "/api/v1/tickets", token: admin,
                json: [
                    "title": "x", "description": "y", "impact": "low", "urgency": "low", "contact": "1",
                ])
            #expect((created["ticket"] as? [String: Any])?["number"] as? String == "IT20261120001")
            let calendars = try await api.call(.get, "/api/v1/calendars", token: agent.token)
            var calendar = calendars.items[0]["calendar"] as! [String: Any]
            calendar["holidays"] = ["2027-01-01"]
            calendar["workingDays"] = ["2027-01-04"]
            let saved = try await api.call(
                .put, "/api/v1/calendars/1", token: admin, json: ["name": "standard", "calendar": calendar])
            #expect(saved.status == .ok, "\(saved.json)")
            let policies = try await api.call(.get, "/api/v1/sla-policies", token: agent.token)
            let policy = policies.items[0]["policy"] as! [String: Any]
            let v2 = try await api.call(
                .post, "/api/v1/sla-policies", token: admin,
                json: ["name": "2027Q1", "calendarId": 1, "policy": policy])
            #expect(v2["version"] as? Int == 2)
            #expect(
                try await api.call(
                    .post, "/api/v1/sla-policies", token: agent.token,
                    json: ["name": "x", "calendarId": 1, "policy": policy]
                ).status == .forbidden)
            let openapi = try await api.call(.get, "/api/v1/openapi.json")
            #expect(openapi["openapi"] as? String != nil)
        }
    }
}
