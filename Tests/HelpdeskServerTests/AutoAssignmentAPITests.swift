import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Automatic assignment through the API")
struct AutoAssignmentAPITests {
    /// Four L1 engineers in group 1 (category 6 routes there) and the group set to `mode`.
    static func desk(_ api: APIHarness, mode: String) async throws -> (admin: String, engineers: [Int64]) {
        let admin = try await api.token("admin")
        var engineers: [Int64] = []
        for name in ["a.l1", "b.l1", "c.l1", "d.l1"] {
            engineers.append(try await api.signUp(name, role: "agent", tier: "L1", groups: [1], admin: admin).id)
        }
        let group = try await api.call(.get, "/api/v1/groups", token: admin).items.first { $0["id"] as? Int == 1 }
        let saved = try await api.call(
            .put, "/api/v1/groups/1", token: admin,
            json: ["name": try #require(group?["name"] as? String), "assignmentMode": mode])
        #expect(saved["assignmentMode"] as? String == mode)
        return (admin, engineers)
    }

    /// `count` tickets created at once, as `token`; returns who got each.
    static func createConcurrently(
        _ api: APIHarness, _ token: String, count: Int, urgency: @escaping @Sendable (Int) -> String
    ) async throws -> [Int64?] {
        try await withThrowingTaskGroup(of: Int64?.self) { tasks in
            for index in 0..<count {
                tasks.addTask {
                    let created = try await api.call(
                        .post, "/api/v1/tickets", token: token,
                        json: [
                            "title": "打印机故障 \(index)", "description": "三楼打印机卡纸", "impact": "low",
                            "urgency": urgency(index), "contact": "8001", "categoryId": 6,
                        ])
                    return ((created["ticket"] as? [String: Any])?["assigneeId"] as? Int).map(Int64.init)
                }
            }
            var result: [Int64?] = []
            for try await assignee in tasks { result.append(assignee) }
            return result
        }
    }

    @Test(
        "R4.1 round-robin gives each engineer the same number of tickets under concurrent creates",
        arguments: TestStores.kinds)
    func roundRobinFairness(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let (admin, engineers) = try await Self.desk(api, mode: "round_robin")
            let assignees = try await Self.createConcurrently(api, admin, count: 40) { _ in "medium" }
            let counts = Dictionary(grouping: assignees.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            #expect(assignees.allSatisfy { $0 != nil })
            #expect(Set(counts.keys) == Set(engineers))
            #expect(counts.values.allSatisfy { $0 == 10 })
        }
    }

    @Test(
        "R4.1 least-loaded evens out weighted open work and skips an engineer who is away",
        arguments: TestStores.kinds)
    func leastLoadedFairness(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let (admin, engineers) = try await Self.desk(api, mode: "least_loaded")
            // the fourth engineer goes away
            let away = try await api.call(
                .put, "/api/v1/me/away", token: try await api.token("d.l1"), json: ["away": true])
            #expect((away["user"] as? [String: Any])?["away"] as? Bool == true)
            // mixed priorities: low impact × high urgency is P2, × low is P3
            let assignees = try await Self.createConcurrently(api, admin, count: 30) { $0 % 3 == 0 ? "high" : "low" }
            #expect(assignees.allSatisfy { $0 != nil })
            #expect(!assignees.contains(engineers[3]))
            var load: [Int64: Int] = [:]
            for item in try await api.call(.get, "/api/v1/tickets?limit=200", token: admin).items {
                guard let assignee = item["assigneeId"] as? Int else { continue }
                load[Int64(assignee), default: 0] += item["priority"] as? String == "P2" ? 2 : 1
            }
            // 10 P2 and 20 P3 make 40 points: three engineers within one ticket's weight of each other
            #expect(load.values.reduce(0, +) == 40)
            #expect(Set(load.keys) == Set(engineers.prefix(3)))
            #expect((load.values.max() ?? 0) - (load.values.min() ?? 0) <= 2)
            // back from being away, the engineer with no work gets the next ticket
            _ = try await api.call(.put, "/api/v1/me/away", token: try await api.token("d.l1"), json: ["away": false])
            let next = try await Self.createConcurrently(api, admin, count: 1) { _ in "low" }
            #expect(next == [engineers[3]])
        }
    }

    @Test(
        "R4.1 a manual group leaves new tickets for a person; only engineers mark themselves away",
        arguments: TestStores.kinds)
    func manualAndAway(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            _ = try await api.signUp("a.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(ticket["status"] as? String == "new" && ticket["assigneeId"] == nil)
            let refused = try await api.call(.put, "/api/v1/me/away", token: owner.token, json: ["away": true])
            #expect(refused.status == .forbidden)
            let bad = try await api.call(.put, "/api/v1/me/away", token: owner.token, json: ["away": "yes"])
            #expect(bad.status == .badRequest)
        }
    }

    @Test(
        "R4.1 the admin picks a group's mode on its page; an engineer marks themselves away from the header",
        arguments: TestStores.kinds)
    func webControls(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            _ = try await api.signUp("a.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let manager = WebBrowser(api)
            try await manager.signIn("admin")
            let form = try await manager.get("/admin/groups/1")
            #expect(form.html.contains("id=\"ge-mode\"") && form.html.contains("value=\"least_loaded\""))
            let name = try #require(
                try await api.call(.get, "/api/v1/groups", token: admin).items.first { $0["id"] as? Int == 1 }?["name"]
                    as? String)
            let saved = try await manager.post(
                "/admin/groups/1", ["_csrf": try #require(form.csrf), "name": name, "assignmentMode": "least_loaded"])
            #expect(saved.location == "/admin/groups")
            let groups = try await api.call(.get, "/api/v1/groups", token: admin).items
            #expect(groups.first { $0["id"] as? Int == 1 }?["assignmentMode"] as? String == "least_loaded")
            #expect(try await manager.get("/admin/groups").html.contains("分给工作量最少的工程师"))
            let bad = try await manager.post(
                "/admin/groups/1", ["_csrf": try #require(form.csrf), "name": name, "assignmentMode": "random"])
            #expect(bad.status == .badRequest)

            let engineer = WebBrowser(api)
            try await engineer.signIn("a.l1")
            var page = try await engineer.get("/queues/mine")
            #expect(page.html.contains("id=\"toggle-away\"") && !page.html.contains("id=\"away-badge\""))
            let toggled = try await engineer.post(
                "/away", ["_csrf": try #require(page.csrf), "away": "true", "back": "/queues/mine"])
            #expect(toggled.location == "/queues/mine")
            page = try await engineer.get("/queues/mine")
            #expect(page.html.contains("id=\"away-badge\""))
            let me = try await api.call(.get, "/api/v1/me", token: try await api.token("a.l1"))
            #expect((me["user"] as? [String: Any])?["away"] as? Bool == true)
            #expect(!(try await manager.get("/queues/groups").html.contains("id=\"toggle-away\"")))
        }
    }
}
