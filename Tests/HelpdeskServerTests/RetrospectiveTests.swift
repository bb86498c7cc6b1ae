import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// A major incident's retrospective (R7.4) through the API and on the web, on both stores.
@Suite("Major incidents: the printable retrospective")
struct RetrospectiveTests {
    /// A VPN outage reported twice: declared, the duplicate linked, one update, resolved at L1
    /// before L1's time runs out (10:30).
    static func incident(_ api: APIHarness) async throws -> (
        major: String, duplicate: String, boss: String, agent: String, requester: String
    ) {
        let admin = try await api.token("admin")
        let boss = try await api.signUp("boss", role: "supervisor", admin: admin)
        let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
        let alice = try await api.signUp("alice", role: "requester", admin: admin)
        let bob = try await api.signUp("bob", role: "requester", admin: admin)
        let major = try await api.submitVPNTicket(alice.token)
        let duplicate = try await api.submitVPNTicket(bob.token)
        let path = "/api/v1/tickets/\(major)"
        func move(_ token: String, _ body: [String: Any], at: String) async throws {
            api.clock.set(Shanghai.date(at))
            let moved = try await api.call(.post, path + "/transitions", token: token, json: body)
            let trail = try await api.call(.get, path + "/events", token: admin).items.map {
                "\($0["kind"] ?? "") \($0["action"] ?? "") \($0["data"] ?? "")"
            }
            #expect(moved.status == .ok, "\(body) → \(moved.json) \(trail)")
        }
        api.clock.set(Shanghai.date("2026-11-23 10:05"))
        #expect(try await api.call(.post, path + "/major-incident", token: boss.token).status == .ok)
        _ = try await api.call(.post, path + "/linked", token: boss.token, json: ["numbers": [duplicate]])
        try await move(admin, ["action": "assign", "assigneeId": agent.id], at: "2026-11-23 10:10")
        try await move(agent.token, ["action": "accept"], at: "2026-11-23 10:15")
        api.clock.set(Shanghai.date("2026-11-23 10:20"))
        let update = try await api.call(
            .post, path + "/broadcasts", token: boss.token, json: ["what": "VPN 网关故障，正在切换备用线路", "impact": "远程办公"])
        #expect(update.status == .ok)
        try await move(
            agent.token, ["action": "resolve", "solution": "更换 VPN 网关证书", "rootCause": "网关证书过期"],
            at: "2026-11-23 10:28")
        return (major, duplicate, boss.token, agent.token, alice.token)
    }

    @Test(
        "R7.4 the retrospective tells the course, the times against the targets and whom it touched; the desk records its conclusions",
        arguments: TestStores.kinds)
    func api(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-23 10:00")) { api in
            let desk = try await Self.incident(api)
            let path = "/api/v1/tickets/\(desk.major)/retrospective"
            let read = try await api.call(.get, path, token: desk.boss)
            #expect(read.status == .ok, "\(read.json)")
            let retro = try #require(read["retrospective"] as? [String: Any])
            let timeline = try #require(retro["timeline"] as? [[String: Any]])
            #expect(
                timeline.compactMap { $0["kind"] as? String } == ["submitted", "declared", "broadcast", "resolved"])
            #expect(timeline.last?["text"] as? String == "更换 VPN 网关证书")
            #expect(retro["elapsedMinutes"] as? Int == 28)
            #expect(retro["affectedRequesters"] as? Int == 2 && retro["broadcasts"] as? Int == 1)
            #expect((retro["linked"] as? [[String: Any]])?.first?["number"] as? String == desk.duplicate)
            #expect((retro["linked"] as? [[String: Any]])?.first?["status"] as? String == "resolved")
            #expect(retro["rootCause"] as? String == "网关证书过期")
            #expect((retro["review"] as? [String: Any])?["resolution"] != nil)
            #expect(read["timeZone"] as? String == "Asia/Shanghai")

            // The desk's conclusions: kept, internal, and on the ticket for staff only.
            let saved = try await api.call(
                .put, path, token: desk.boss, json: ["preventiveActions": "证书到期前 30 天自动告警；网关双活"])
            #expect(saved.status == .ok, "\(saved.json)")
            let conclusions = try #require(saved["retrospective"] as? [String: Any])
            #expect(conclusions["preventiveActions"] as? String == "证书到期前 30 天自动告警；网关双活")
            #expect(conclusions["rootCause"] as? String == "网关证书过期")
            let staffView = try await api.call(.get, "/api/v1/tickets/\(desk.major)", token: desk.agent)
            #expect(staffView["preventiveActions"] as? String == "证书到期前 30 天自动告警；网关双活")
            let requesterView = try await api.call(.get, "/api/v1/tickets/\(desk.major)", token: desk.requester)
            #expect(requesterView["preventiveActions"] == nil)
            let history = try await api.call(.get, "/api/v1/tickets/\(desk.major)/events", token: desk.requester)
            #expect(!history.items.contains { ($0["body"] as? String)?.contains("自动告警") == true })

            // Refusals: nothing to record, an engineer, a requester, a ticket that is no incident.
            let empty = try await api.call(.put, path, token: desk.boss, json: ["rootCause": "  "])
            #expect(empty.status == .unprocessableContent && empty.errorCode == "field_required")
            #expect(try await api.call(.get, path, token: desk.agent).status == .forbidden)
            #expect(try await api.call(.get, path, token: desk.requester).status == .forbidden)
            // The week's review lists the incident, for its retrospective.
            let week = try await api.call(.get, "/api/v1/reports/weekly?week=2026-W48", token: desk.boss)
            let majors = try #require(week["majorIncidents"] as? [[String: Any]])
            #expect(majors.compactMap { $0["number"] as? String } == [desk.major])
            let plain = try await api.call(.get, "/api/v1/tickets/\(desk.duplicate)/retrospective", token: desk.boss)
            #expect(plain.status == .conflict && plain.errorCode == "not_major_incident")
        }
    }

    @Test("R7.4 on the web: linked from the incident, printable, the conclusions saved through its form")
    func web() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-23 10:00")) { api in
            let desk = try await Self.incident(api)
            let boss = try await WebBrowser.signedIn(api, as: "boss")
            let ticket = try await boss.get("/tickets/\(desk.major)")
            #expect(ticket.html.contains("href=\"/tickets/\(desk.major)/retrospective\" id=\"retrospective-link\""))
            let page = try await boss.get("/tickets/\(desk.major)/retrospective")
            #expect(page.status == .ok)
            #expect(page.html.contains("宣布为重大事件：2026-11-23 10:05"))
            #expect(page.html.contains("解决于 2026-11-23 10:28，历时 28分钟"))
            #expect(page.html.contains("关联工单 1 张，影响请求人 2 位，已发布进展通报 1 次"))
            #expect(page.html.contains("id=\"retro-figures\"") && page.html.contains("VPN 网关故障，正在切换备用线路"))
            #expect(page.html.contains("data-print hidden") && page.html.contains("class=\"stack no-print\""))
            let csrf = try #require(page.csrf)
            let saved = try await boss.post(
                "/tickets/\(desk.major)/retrospective",
                ["_csrf": csrf, "rootCause": "", "preventiveActions": "证书纳入每周巡检"])
            #expect(saved.location == "/tickets/\(desk.major)/retrospective")
            let after = try await boss.get("/tickets/\(desk.major)/retrospective")
            #expect(after.html.contains("<p class=\"pre\" id=\"retro-preventive\">证书纳入每周巡检</p>"))
            #expect(after.html.contains("<p class=\"pre\" id=\"retro-root-cause\">网关证书过期</p>"))
            // the conclusions are no status update on the ticket page
            let ticketAfter = try await boss.get("/tickets/\(desk.major)")
            let updates = try #require(
                ticketAfter.html.firstMatch(of: /<ul class="sla-lines" id="major-updates">[\s\S]*?<\/ul>/))
            #expect(!updates.0.contains("证书纳入每周巡检"))
            #expect(ticketAfter.html.contains("记录复盘结论"))
            // empty twice: refused on the form, in Chinese
            let refused = try await boss.post(
                "/tickets/\(desk.major)/retrospective", ["_csrf": csrf, "rootCause": " ", "preventiveActions": ""])
            #expect(refused.status == .unprocessableContent && refused.html.contains("id=\"retro-error\""))
            // the week's review links the incident's retrospective
            let week = try await boss.get("/reports?kind=week&period=2026-W48")
            let majors = try #require(
                week.html.firstMatch(of: /<table class="report-overdue" id="report-major"[\s\S]*?<\/table>/))
            #expect(majors.0.contains("href=\"/tickets/\(desk.major)/retrospective\">查看复盘</a>"))
            #expect(!majors.0.contains(desk.duplicate))
            let engineer = try await WebBrowser.signedIn(api, as: "li.l1")
            #expect(try await engineer.get("/tickets/\(desk.major)/retrospective").status == .forbidden)
            #expect(!(try await engineer.get("/tickets/\(desk.major)").html.contains("retrospective-link")))
        }
    }
}
