import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Priority matrix versions over the API (R2.4)")
struct PriorityMatrixAPITests {
    static let allLow: [String: [String: String]] = Dictionary(
        uniqueKeysWithValues: ["high", "medium", "low"].map { impact in
            (impact, ["high": "P3", "medium": "P3", "low": "P3"])
        })

    @Test(
        "R2.4 each PUT saves a new version, audited; the list and one version are read back; tickets keep theirs",
        arguments: TestStores.kinds)
    func versions(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: a ticket graded under version 1
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let ticket: [String: Any] = [
                "title": "财务系统无法登录", "description": "整个财务部无法登录", "impact": "high", "urgency": "high",
                "contact": "8001",
            ]
            let before = try await api.call(.post, "/api/v1/tickets", token: requester.token, json: ticket)
            let first = try #require(before["ticket"] as? [String: Any])
            #expect(first["priorityMatrixVersion"] as? Int == 1 && first["priority"] as? String == "P0")
            let current = try await api.call(.get, "/api/v1/admin/priority-matrix", token: agent.token)
            #expect(current.status == .ok)
            #expect(current["version"] as? Int == 1 && current["savedById"] == nil)

            // when: an admin saves a new matrix with a note
            api.clock.advance(by: 60)
            let saved = try await api.call(
                .put, "/api/v1/admin/priority-matrix", token: admin, json: ["matrix": Self.allLow, "note": " 季度评审 "])

            // then
            #expect(saved.status == .ok)
            #expect(saved["version"] as? Int == 2)
            #expect(saved["note"] as? String == "季度评审")
            #expect(saved["savedById"] as? Int != nil && saved["savedByName"] as? String == "管理员")
            #expect(saved["savedAt"] as? String == iso(api.clock.now))
            let list = try await api.call(.get, "/api/v1/admin/priority-matrix/versions", token: agent.token)
            #expect(list.items.map { $0["version"] as? Int } == [2, 1])
            let one = try await api.call(.get, "/api/v1/admin/priority-matrix/versions/1", token: agent.token)
            #expect((one["matrix"] as? [String: [String: String]])?["high"]?["high"] == "P0")
            #expect(
                try await api.call(.get, "/api/v1/admin/priority-matrix/versions/9", token: agent.token).status
                    == .notFound)
            let entries = try await api.store.auditEntries(AuditQuery())
            #expect(entries.filter { $0.action == .priorityMatrixVersioned }.map(\.target) == ["priority_matrix:2"])

            // and: a new ticket is graded under version 2, the old one keeps version 1
            let after = try await api.call(.post, "/api/v1/tickets", token: requester.token, json: ticket)
            let second = try #require(after["ticket"] as? [String: Any])
            #expect(second["priorityMatrixVersion"] as? Int == 2 && second["priority"] as? String == "P3")
            let number = try #require(first["number"] as? String)
            let old = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(old["priorityMatrixVersion"] as? Int == 1)

            // when: a problem manager confirms the old ticket's priority under version 2
            let manager = try await api.signUp("pm", role: "problem_manager", admin: admin)
            let confirmed = try await api.call(
                .put, "/api/v1/tickets/\(number)/priority", token: manager.token, json: ["priority": "P0"])
            // then: it is graded under version 2 now, and its history says it came from version 1
            #expect(confirmed.status == .ok)
            #expect(confirmed["priorityMatrixVersion"] as? Int == 2)
            let events = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: manager.token)
            let data = try #require(
                events.items.first { $0["kind"] as? String == "priority_changed" }?["data"] as? [String: String])
            #expect(
                data["from_matrix_version"] == "1" && data["matrix_version"] == "2" && data["matrix_suggests"] == "P3")
            let created = try #require(
                events.items.first { $0["kind"] as? String == "created" }?["data"] as? [String: String])
            #expect(created["matrix_version"] == "1")
        }
    }

    @Test(
        "R2.4 only admins save; a bad matrix or a long note is refused and saves nothing",
        arguments: TestStores.kinds)
    func refusals(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let agent = try await api.signUp("ops", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let path = "/api/v1/admin/priority-matrix"
            #expect(
                try await api.call(.put, path, token: agent.token, json: ["matrix": Self.allLow]).status == .forbidden)
            #expect(try await api.call(.get, path, token: requester.token).status == .forbidden)
            var missing = Self.allLow
            missing["low"] = ["high": "P3"]
            #expect(try await api.call(.put, path, token: admin, json: ["matrix": missing]).status == .badRequest)
            let long = try await api.call(
                .put, path, token: admin, json: ["matrix": Self.allLow, "note": String(repeating: "评", count: 501)])
            #expect(long.status == .unprocessableContent && long.errorCode == "invalid_value")
            #expect(try await api.store.priorityMatrixVersions().map(\.version) == [1])
            // the settings no longer carry the matrix
            let settings = try await api.call(.get, "/api/v1/settings", token: admin)
            #expect(settings["priorityMatrix"] == nil && settings["reopenWindowDays"] as? Int == 7)
        }
    }
}
