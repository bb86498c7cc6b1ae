import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("R6.1 R9.3 archive and retention")
struct ArchiveAPITests {
    @Test(
        "R6.1 a closed ticket is archived after three working days, read-only, external data scrubbed, figures unchanged",
        arguments: TestStores.kinds)
    func archiveAfterClosing(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: an external requester's ticket with a file and a comment of theirs, closed on Monday
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin, external: true)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)"
            let settings = try await api.call(.get, "/api/v1/admin/sla-engine", token: admin).json
            var changed = settings
            changed["archiveKeepsAttachments"] = false
            #expect(try await api.call(.put, "/api/v1/admin/sla-engine", token: admin, json: changed).status == .ok)
            let browser = WebBrowser(api)
            try await browser.signIn("xiaoming")
            let page = try await browser.get("/tickets/\(number)")
            let uploaded = try await browser.postMultipart(
                "/tickets/\(number)/attachments", ["_csrf": try #require(page.csrf)],
                file: (name: "vpn.log", type: "text/plain", data: Array("timeout\n".utf8)))
            #expect(uploaded.status == .seeOther)
            _ = try await api.call(.post, path + "/worklog", token: owner.token, json: ["body": "还是连不上"])
            let closed = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "close", "reason": "用户已自行解决"])
            #expect(closed["status"] as? String == "closed")
            // when: Thursday 09:59 is still three working days minus a minute; Thursday 10:00 is not
            api.clock.set(Shanghai.date("2026-11-26 09:59"))
            _ = try await api.store.fireDueTimers(now: api.clock.now, limit: 100)
            #expect(try await api.call(.get, path, token: admin)["status"] as? String == "closed")
            api.clock.set(Shanghai.date("2026-11-26 10:01"))
            let before = try await api.call(.get, path, token: admin).json
            #expect(try await api.store.fireDueTimers(now: api.clock.now, limit: 100) == 1)
            // then
            let after = try await api.call(.get, path, token: admin).json
            #expect(after["status"] as? String == "archived")
            #expect(after["contact"] as? String == "*5678")
            #expect((after["requester"] as? [String: Any])?["name"] as? String == "王小*")
            for field in ["priority", "categoryId", "groupId", "submittedAt", "type", "impact", "urgency", "closedAt"] {
                #expect("\(before[field] ?? "nil")" == "\(after[field] ?? "nil")", "\(field)")
            }
            let sla = { (json: [String: Any]) in
                try JSONSerialization.data(withJSONObject: json["sla"] ?? [:], options: .sortedKeys)
            }
            #expect(try sla(before) == sla(after))
            let events = try await api.call(.get, path + "/events", token: admin).items
            #expect(!events.contains { $0["actorName"] as? String == "王小明" })
            let archived = events.last { $0["toStatus"] as? String == "archived" }
            #expect((archived?["data"] as? [String: String])?["scrubbed"] == "true")
            #expect(try await api.store.attachments(ticketId: Int64(after["id"] as! Int)).isEmpty)
            let listed = try await api.call(.get, "/api/v1/tickets?status=archived", token: admin).items
            #expect(listed.map { $0["number"] as? String } == [number])
            // every change is refused with 409 ticket_archived
            let refused = [
                try await api.call(.post, path + "/worklog", token: admin, json: ["body": "补充"]),
                try await api.call(.post, path + "/worklog", token: owner.token, json: ["body": "再试"]),
                try await api.call(
                    .post, path + "/transitions", token: owner.token, json: ["action": "reopen", "reason": "又坏了"]),
                try await api.call(.put, path + "/workaround", token: admin, json: ["workaround": "重启"]),
                try await api.call(.put, path + "/priority", token: admin, json: ["priority": "P1", "reason": "x"]),
                try await api.call(.put, path + "/category", token: admin, json: ["categoryId": 1]),
                try await api.call(.put, path + "/breach-cause", token: admin, json: ["cause": "x"]),
            ]
            #expect(refused.map(\.errorCode) == Array(repeating: "ticket_archived", count: refused.count))
            #expect(refused.allSatisfy { $0.status == .conflict })
            #expect(try await api.call(.get, path, token: admin)["version"] as? Int == after["version"] as? Int)
            // the ticket page says so and offers no action
            let archivedPage = try await browser.get("/tickets/\(number)")
            #expect(archivedPage.html.contains("本工单已归档，只能查看"))
            #expect(!archivedPage.html.contains("action=\"/tickets/\(number)/worklog\""))
        }
    }

    @Test("R9.3 an internal requester's ticket is archived without scrubbing", arguments: TestStores.kinds)
    func internalNotScrubbed(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("zhang", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)"
            _ = try await api.call(
                .post, path + "/transitions", token: admin, json: ["action": "close", "reason": "重复提交"])
            api.clock.set(Shanghai.date("2026-11-27 10:00"))
            _ = try await api.store.fireDueTimers(now: api.clock.now, limit: 100)
            let after = try await api.call(.get, path, token: admin).json
            #expect(after["status"] as? String == "archived")
            #expect(after["contact"] as? String == "13812345678")
        }
    }
}
