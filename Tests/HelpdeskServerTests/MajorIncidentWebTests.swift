import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Major incidents on the web")
struct MajorIncidentWebTests {
    @Test(
        "R8.2 a supervisor declares an incident, links a duplicate and broadcasts to a department and a group",
        arguments: TestStores.kinds)
    func declareLinkBroadcast(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            // given: two requesters reporting the same outage, a finance user and a sales user not involved
            let admin = try await api.token("admin")
            _ = try await api.signUp("boss", role: "supervisor", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let network = try await api.signUp("net", role: "agent", tier: "L2", groups: [4], admin: admin)
            let alice = try await api.signUp("alice", role: "requester", admin: admin, department: "销售部")
            let bob = try await api.signUp("bob", role: "requester", admin: admin, department: "销售部")
            let carol = try await api.signUp("carol", role: "requester", admin: admin, department: "财务部")
            let dave = try await api.signUp("dave", role: "requester", admin: admin, department: "人事部")
            let major = try await api.submitVPNTicket(alice.token)
            let duplicate = try await api.submitVPNTicket(bob.token)

            // an engineer may not declare; a supervisor may
            let engineer = WebBrowser(api)
            try await engineer.signIn("li.l1")
            #expect(try await engineer.get("/tickets/\(major)").html.contains("id=\"declare-form\"") == false)
            let boss = WebBrowser(api)
            try await boss.signIn("boss")
            var page = try await boss.get("/tickets/\(major)")
            #expect(page.html.contains("id=\"declare-form\""))
            let declared = try await boss.post("/tickets/\(major)/major-incident", ["_csrf": try #require(page.csrf)])
            #expect(declared.location == "/tickets/\(major)")

            // when the duplicate is linked, with the separators people type
            page = try await boss.get("/tickets/\(major)")
            #expect(page.html.contains("id=\"major-badge\"") && page.html.contains("id=\"link-form\""))
            #expect(!page.html.contains("id=\"declare-form\""))
            _ = try await boss.post(
                "/tickets/\(major)/linked", ["_csrf": try #require(page.csrf), "numbers": " \(duplicate)，\n"])
            page = try await boss.get("/tickets/\(major)")
            #expect(page.html.contains("<a href=\"/tickets/\(duplicate)\">\(duplicate)</a>"))
            #expect(page.html.contains("财务部") && page.html.contains("人事部"))

            // the duplicate's requester learns it is part of an incident, without a link to its ticket
            let requester = WebBrowser(api)
            try await requester.signIn("bob")
            let portal = try await requester.get("/tickets/\(duplicate)")
            #expect(
                portal.html.contains("id=\"major-linked-to\"") && !portal.html.contains("href=\"/tickets/\(major)\""))
            #expect(!portal.html.contains("id=\"broadcast-form\""))

            // and the update goes to finance and to group 4 as well
            let sent = try await boss.post(
                "/tickets/\(major)/broadcasts",
                pairs: [
                    ("_csrf", try #require(page.csrf)), ("what", "VPN 网关故障，正在切换备用线路"), ("impact", "全公司远程办公"),
                    ("expectedRecovery", "2026-11-23T12:30"), ("departments", "财务部"), ("groupIds", "4"),
                ])
            #expect(sent.location == "/tickets/\(major)")
            page = try await boss.get("/tickets/\(major)")
            #expect(page.html.contains("VPN 网关故障，正在切换备用线路") && page.html.contains("2026-11-23 12:30"))

            let scheduler = SLAScheduler(
                store: api.store, clock: AppClock { api.clock.now }, channels: [:], logger: TestStores.logger)
            await scheduler.tick()
            func updates(_ token: String) async throws -> Int {
                try await api.call(.get, "/api/v1/notifications", token: token).items
                    .filter { $0["kind"] as? String == "major_incident_update" }.count
            }
            #expect(try await updates(carol.token) == 1)
            #expect(try await updates(network.token) == 1)
            #expect(try await updates(bob.token) == 1)
            #expect(try await updates(alice.token) == 1)
            #expect(try await updates(dave.token) == 0)
            #expect(try await updates(agent.token) == 0)
        }
    }

    @Test("R8.2 a broadcast's audience is checked before anything is sent", arguments: TestStores.kinds)
    func audienceValidation(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let admin = try await api.token("admin")
            let owner = try await api.signUp("alice", role: "requester", admin: admin)
            let number = try await api.submitVPNTicket(owner.token)
            let path = "/api/v1/tickets/\(number)"
            #expect(try await api.call(.post, path + "/major-incident", token: admin).status == .ok)
            let before = try await api.call(.get, path, token: admin)["version"] as? Int
            for (body, field) in [
                (["what": "故障", "groupIds": [999]] as [String: Any], "groupIds"),
                (["what": "故障", "departments": ["财务部,人事部"]], "departments"),
                (["what": "故障", "departments": [String(repeating: "部", count: 101)]], "departments"),
            ] {
                let refused = try await api.call(.post, path + "/broadcasts", token: admin, json: body)
                #expect(refused.status == .unprocessableContent && refused.errorCode == "invalid_value")
                let message = (refused.json["error"] as? [String: Any])?["message"] as? String
                #expect(message?.contains(field) == true)
            }
            #expect(try await api.call(.get, path, token: admin)["version"] as? Int == before)
            let accepted = try await api.call(
                .post, path + "/broadcasts", token: admin, json: ["what": "故障", "departments": [" 财务部 ", "财务部"]])
            #expect(accepted.status == .ok)
            let events = try await api.call(.get, path + "/events", token: admin).items
            #expect(events.last?["data"] as? [String: String] == ["impact": "", "departments": "财务部"])
        }
    }
}
