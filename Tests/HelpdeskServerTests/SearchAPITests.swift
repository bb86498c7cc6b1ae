import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@Suite("Search API (R6.2)")
struct SearchAPITests {
    @Test(
        "GET /search finds Chinese text in titles, descriptions and work logs, within what each user may see",
        arguments: TestStores.kinds)
    func search(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: two requesters' tickets, and an agent's internal note on one of them
            let admin = try await api.token("admin")
            let alice = try await api.signUp("alice", role: "requester", admin: admin)
            let bob = try await api.signUp("bob", role: "requester", admin: admin)
            let agent = try await api.signUp("agent", role: "agent", tier: "L1", groups: [1], admin: admin)
            func submit(_ token: String, _ title: String, _ description: String) async throws -> String {
                let created = try await api.call(
                    .post, "/api/v1/tickets", token: token,
                    json: [
                        "title": title, "description": description, "impact": "low", "urgency": "medium",
                        "categoryId": 6,
                        "contact": "13812345678",
                    ])
                return try #require((created["ticket"] as? [String: Any])?["number"] as? String)
            }
            let crm = try await submit(alice.token, "ＣＲＭ系统打不开", "早上开始报数据库连接错误 E1001，联系 13812345678")
            let rail = try await submit(bob.token, "铁路12306 订票失败", "出差订票页面一直转圈")
            let printer = try await submit(alice.token, "打印机卡纸", "三楼打印机")
            let note = try await api.call(
                .post, "/api/v1/tickets/\(printer)/worklog", token: agent.token,
                json: ["body": "怀疑数据库连接池耗尽", "visibility": "internal"])
            #expect(note.status == .created)
            func numbers(_ query: String, _ token: String, _ extra: String = "") async throws -> [String] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let response = try await api.call(.get, "/api/v1/search?q=\(encoded)\(extra)", token: token)
                #expect(response.status == .ok, "\(query): \(response.json)")
                return response.items.compactMap { $0["number"] as? String }
            }
            // then: staff find every text, newest first on request
            #expect(try await numbers("数据库连接", admin, "&order=newest") == [printer, crm])
            #expect(try await numbers("CRM系统", agent.token) == [crm])
            #expect(try await numbers("12306", admin) == [rail])
            #expect(try await numbers("e1001", admin) == [crm])
            #expect(try await numbers("库", admin, "&order=newest") == [printer, crm])
            // a requester: their own tickets, public text only
            #expect(try await numbers("数据库连接", alice.token) == [crm])
            #expect(try await numbers("数据库连接", bob.token).isEmpty)
            #expect(try await numbers("订票", bob.token) == [rail])
            // each hit: kind, number, title, a masked snippet with the match marked
            let response = try await api.call(.get, "/api/v1/search?q=E1001", token: admin)
            let hit = try #require(response.items.first)
            #expect(hit["kind"] as? String == "ticket" && hit["title"] as? String == "ＣＲＭ系统打不开")
            let snippet = try #require(hit["snippet"] as? String)
            #expect(snippet.contains("E1001") && !snippet.contains("13812345678"), "\(snippet)")
            let highlight = try #require((hit["highlights"] as? [[String: Int]])?.first)
            let scalars = Array(snippet.unicodeScalars)
            #expect(
                String(
                    String.UnicodeScalarView(
                        scalars[highlight["start"]!..<(highlight["start"]! + highlight["length"]!)]))
                    == "E1001")
            // the ticket list's q= uses the same index
            let listed = try await api.call(.get, "/api/v1/tickets?q=%E8%BF%9E%E6%8E%A5", token: admin)
            #expect(listed.items.compactMap { $0["number"] as? String } == [printer, crm])
        }
    }

    @Test(
        "a search that cannot run is a 4xx with a code and a message in the caller's language",
        arguments: [
            ("", 422, "field_required", "q"), ("?q=", 422, "field_required", "q"),
            ("?q=" + String(repeating: "长", count: 201), 422, "invalid_value", "q"),
            ("?q=a&order=best", 400, "invalid_parameter", "order"), ("?q=a&limit=0", 400, "invalid_parameter", "limit"),
            ("?q=a&limit=101", 400, "invalid_parameter", "limit"),
            ("?q=a&scope=everything", 400, "invalid_parameter", "scope"),
            ("?q=a&cursor=x", 400, "invalid_parameter", "cursor"),
        ] as [(String, Int, String, String)])
    func refused(query: String, status: Int, code: String, field: String) async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let uri = "/api/v1/search" + query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let chinese = try await api.call(.get, uri, token: admin, language: "zh-CN")
            #expect(chinese.status.code == status && chinese.errorCode == code, "\(chinese.json)")
            let message = try #require(chinese.errorMessage)
            #expect(message.unicodeScalars.contains { $0.properties.isIdeographic } && message.contains(field))
            let english = try await api.call(.get, uri, token: admin, language: "en")
            #expect(english.errorCode == code && english.errorMessage != message)
        }
    }

    @Test(
        "punctuation or whitespace only is a search with no hits; a signed-out caller gets 401",
        arguments: ["%EF%BC%81%EF%BC%81", "%20%20", "%E3%80%80%09"])
    func edges(query: String) async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let empty = try await api.call(.get, "/api/v1/search?q=" + query, token: admin)
            #expect(empty.status == .ok && empty.items.isEmpty && empty["nextCursor"] == nil, "\(empty.json)")
            #expect(try await api.call(.get, "/api/v1/search?q=a").status == .unauthorized)
        }
    }
}
