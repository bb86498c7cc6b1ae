import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@Suite("Problem records over the API (R6.3, R7.4)")
struct ProblemAPITests {
    static let certificate = [
        ("VPN 连不上，提示证书已过期", "早上开始 VPN 客户端报证书过期，无法连接公司网络"),
        ("VPN证书过期怎么办", "客户端提示：证书已过期，请联系管理员"),
        ("在家连不了 VPN", "弹窗说证书过期了，换了网络也不行"),
    ]
    static let others = [
        ("VPN 下载文件很慢", "连上 VPN 以后下载内网文件只有几十K"), ("打印机卡纸", "三楼打印机卡纸了"),
        ("申请新显示器", "显示器坏了需要换一台"), ("OA 审批流程卡住", "报销单一直在审批中"),
    ]

    static func submit(_ api: APIHarness, _ token: String, _ ticket: (String, String)) async throws -> String {
        let created = try await api.call(
            .post, "/api/v1/tickets", token: token,
            json: [
                "title": ticket.0, "description": ticket.1, "impact": "low", "urgency": "medium", "categoryId": 6,
                "contact": "13812345678", "affectedSystem": ticket.0.contains("VPN") ? "VPN" : "",
            ])
        return try #require((created["ticket"] as? [String: Any])?["number"] as? String, "\(created.json)")
    }

    @Test(
        "R6.3 three similar tickets are proposed with evidence; confirmed, the workaround and the fix reach every requester and the tickets are resolved",
        arguments: TestStores.kinds)
    func proposedConfirmedResolved(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: three requesters' certificate tickets among others
            let admin = try await api.token("admin")
            let manager = try await api.signUp("zhaojingli", role: "problem_manager", admin: admin)
            let agent = try await api.signUp("wanggong", role: "agent", tier: "L1", groups: [1], admin: admin)
            var vpn: [String] = []
            for (index, ticket) in Self.certificate.enumerated() {
                let requester = try await api.signUp("user\(index)", role: "requester", admin: admin)
                vpn.append(try await Self.submit(api, requester.token, ticket))
                api.clock.advance(by: 3_600)
            }
            for ticket in Self.others { _ = try await Self.submit(api, admin, ticket) }
            // when: detection runs
            #expect(try await api.call(.post, "/api/v1/problems/detect", token: agent.token).status == .forbidden)
            let detected = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            // then: one proposal of the three, with its evidence
            #expect(detected.status == .ok && (detected["proposed"] as? [Int])?.count == 1, "\(detected.json)")
            let id = try #require((detected["proposed"] as? [Int])?.first)
            // engineers do not read problems: their titles and tickets come from every group (R9.1)
            #expect(try await api.call(.get, "/api/v1/problems/\(id)", token: agent.token).status == .forbidden)
            let proposal = try await api.call(.get, "/api/v1/problems/\(id)", token: manager.token)
            #expect(proposal["status"] as? String == "proposed")
            #expect((proposal["ticketNumbers"] as? [String]) == vpn.sorted())
            #expect(proposal["affectedSystem"] as? String == "VPN")
            let evidence = try #require(proposal["evidence"] as? [String: Any])
            #expect((evidence["sharedTerms"] as? [String])?.contains("证书") == true, "\(evidence)")
            #expect((proposal["tickets"] as? [[String: Any]])?.count == 3)
            let listed = try await api.call(.get, "/api/v1/problems?status=proposed", token: manager.token)
            #expect(listed.items.map { $0["id"] as? Int } == [id])
            // a second pass proposes nothing new
            let again = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            #expect((again["proposed"] as? [Int]) == [] && (again["updated"] as? [Int]) == [])

            // when: confirmed, then the cause and the workaround recorded
            let confirmed = try await api.call(.post, "/api/v1/problems/\(id)/confirm", token: manager.token)
            #expect(
                confirmed["status"] as? String == "investigating" && confirmed["ownerId"] as? Int == Int(manager.id))
            let early = try await api.call(
                .put, "/api/v1/problems/\(id)", token: manager.token,
                json: ["status": "known_error", "version": confirmed["version"] as! Int], language: "en")
            #expect(early.status == .unprocessableContent && early.errorCode == "problem_fields_missing")
            #expect(early.errorMessage == "Fill in first: root cause, workaround.")
            let known = try await api.call(
                .put, "/api/v1/problems/\(id)", token: manager.token,
                json: [
                    "status": "known_error", "rootCause": "VPN 网关证书 11 月 30 日到期", "workaround": "暂时使用网页版 VPN 入口",
                    "version": confirmed["version"] as! Int,
                ])
            #expect(known.status == .ok && known["status"] as? String == "known_error", "\(known.json)")
            // then: every linked requester has been told the workaround on their ticket
            for number in vpn {
                let history = try await api.call(.get, "/api/v1/tickets/\(number)/events", token: admin)
                #expect(
                    history.items.contains {
                        ($0["body"] as? String)?.contains("暂时使用网页版 VPN 入口") == true
                            && $0["visibility"] as? String == "public"
                    }, "\(number)")
            }
            // a stale save is refused
            let stale = try await api.call(
                .put, "/api/v1/problems/\(id)", token: manager.token, json: ["title": "x", "version": 1])
            #expect(stale.status == .conflict && stale.errorCode == "problem_changed")
            // when: resolved with the permanent fix, then its tickets resolved with it
            let resolved = try await api.call(
                .put, "/api/v1/problems/\(id)", token: manager.token,
                json: [
                    "status": "resolved", "permanentFix": "已更换网关证书，有效期至 2027 年", "version": known["version"] as! Int,
                ])
            #expect(resolved["status"] as? String == "resolved")
            // one of them is being handled; the others are still waiting for a handler
            let handled = vpn[0]
            for body: [String: Any] in [["action": "assign", "assigneeId": agent.id], ["action": "accept"]] {
                let moved = try await api.call(
                    .post, "/api/v1/tickets/\(handled)/transitions",
                    token: body["action"] as? String == "assign" ? admin : agent.token,
                    json: body)
                #expect(moved.status == .ok, "\(moved.json)")
            }
            // resolving tickets is for those who may (a problem manager may not): a supervisor
            let managerTry = try await api.call(.post, "/api/v1/problems/\(id)/resolve-tickets", token: manager.token)
            #expect(
                (managerTry["skipped"] as? [[String: Any]])?.allSatisfy { $0["code"] as? String == "forbidden" } == true
            )
            let supervisor = try await api.signUp("lizhuguan", role: "supervisor", groups: [1], admin: admin)
            let outcome = try await api.call(.post, "/api/v1/problems/\(id)/resolve-tickets", token: supervisor.token)
            #expect(outcome.status == .ok, "\(outcome.json)")
            #expect((outcome["resolved"] as? [String]) == [handled], "\(outcome.json)")
            // the others are not being handled yet: left, with why
            #expect((outcome["skipped"] as? [[String: Any]])?.count == 2)
            let done =
                (outcome["resolved"] as? [String] ?? [])
                + ((outcome["skipped"] as? [[String: Any]]) ?? []).compactMap {
                    $0["number"] as? String
                }
            #expect(done.sorted() == vpn.sorted())
            for number in outcome["resolved"] as? [String] ?? [] {
                let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: admin)
                #expect(
                    ticket["status"] as? String == "resolved" && ticket["solution"] as? String == "已更换网关证书，有效期至 2027 年")
            }
            // and the ticket shows its problem to staff
            let ofTicket = try await api.call(.get, "/api/v1/problems?status=resolved", token: manager.token)
            #expect(ofTicket.items.count == 1)
        }
    }

    @Test(
        "R6.3 a rejected proposal is not proposed again for the same tickets, but is when a new one joins them",
        arguments: TestStores.kinds)
    func rejected(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let manager = try await api.signUp("zhaojingli", role: "problem_manager", admin: admin)
            for ticket in Self.certificate + Self.others { _ = try await Self.submit(api, admin, ticket) }
            let first = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            let id = try #require((first["proposed"] as? [Int])?.first)
            let refused = try await api.call(
                .post, "/api/v1/problems/\(id)/reject", token: manager.token, json: ["reason": "各自原因不同"])
            #expect(refused["status"] as? String == "rejected" && refused["rejectionReason"] as? String == "各自原因不同")
            let twice = try await api.call(.post, "/api/v1/problems/\(id)/reject", token: manager.token, language: "en")
            #expect(twice.status == .conflict && twice.errorCode == "problem_illegal_transition")
            #expect(twice.errorMessage?.contains("Rejected") == true, "\(twice.errorMessage ?? "")")
            let again = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            #expect((again["proposed"] as? [Int]) == [])
            // a fourth certificate ticket: the set is new
            _ = try await Self.submit(api, admin, ("VPN 一直提示证书过期", "今天换了电脑还是提示证书已过期，连不上"))
            let fresh = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            #expect((fresh["proposed"] as? [Int])?.count == 1, "\(fresh.json)")
        }
    }

    @Test(
        "R6.3 how many similar tickets in how many days is the desk's setting; one detection pass runs at a time",
        arguments: TestStores.kinds)
    func settingsAndLease(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let manager = try await api.signUp("zhaojingli", role: "problem_manager", admin: admin)
            for ticket in Self.certificate + Self.others { _ = try await Self.submit(api, admin, ticket) }
            // out of range: refused, nothing saved
            for body in [["problemMinimumTickets": 1], ["problemWindowDays": 0], ["problemWindowDays": 91]] {
                let refused = try await api.call(.put, "/api/v1/settings", token: admin, json: body)
                #expect(refused.status == .unprocessableContent && refused.errorCode == "invalid_value", "\(body)")
            }
            let saved = try await api.call(.put, "/api/v1/settings", token: admin, json: ["problemMinimumTickets": 4])
            #expect(saved["problemMinimumTickets"] as? Int == 4 && saved["problemWindowDays"] as? Int == 7)
            // three certificate tickets are no longer enough
            let none = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            #expect((none["proposed"] as? [Int]) == [], "\(none.json)")
            _ = try await api.call(.put, "/api/v1/settings", token: admin, json: ["problemMinimumTickets": 3])
            // while another pass holds the lease, a manual pass is refused
            let now = api.clock.now
            #expect(try await api.store.claimDetectionLease(now: now, until: now.addingTimeInterval(600)))
            #expect(try await !api.store.claimDetectionLease(now: now, until: now.addingTimeInterval(600)))
            let busy = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            #expect(busy.status == .conflict && busy.errorCode == "problem_detection_running", "\(busy.json)")
            // a lease left by a pass that died expires
            api.clock.advance(by: 601)
            let found = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            #expect((found["proposed"] as? [Int])?.count == 1, "\(found.json)")
            // and a finished pass gives it back
            #expect(
                try await api.store.claimDetectionLease(now: api.clock.now, until: api.clock.now.addingTimeInterval(60))
            )
        }
    }

    @Test(
        "R7.1 R7.4 the weekly review lists the problems holding its tickets; a problem's retrospective, printable",
        arguments: TestStores.kinds)
    func reviewAndRetrospective(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let manager = try await api.signUp("zhaojingli", role: "problem_manager", admin: admin)
            let boss = try await api.signUp("lizhuguan", role: "supervisor", groups: [1], admin: admin)
            let agent = try await api.signUp("wanggong", role: "agent", tier: "L1", groups: [1], admin: admin)
            var vpn: [String] = []
            for (index, ticket) in Self.certificate.enumerated() {
                let requester = try await api.signUp("user\(index)", role: "requester", admin: admin)
                vpn.append(try await Self.submit(api, requester.token, ticket))
                api.clock.advance(by: 3_600)
            }
            for ticket in Self.others { _ = try await Self.submit(api, admin, ticket) }
            let detected = try await api.call(.post, "/api/v1/problems/detect", token: manager.token)
            let id = try #require((detected["proposed"] as? [Int])?.first)
            let confirmed = try await api.call(.post, "/api/v1/problems/\(id)/confirm", token: manager.token)
            _ = try await api.call(
                .put, "/api/v1/problems/\(id)", token: manager.token,
                json: [
                    "rootCause": "VPN 网关证书到期未续", "preventiveActions": "证书到期前 30 天自动提醒",
                    "version": confirmed["version"] as! Int,
                ])
            // the week's review
            var calendar = Calendar(identifier: .iso8601)
            calendar.timeZone = Shanghai.timeZone
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: api.clock.now)
            let week = String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
            let report = try await api.call(.get, "/api/v1/reports/weekly?week=\(week)", token: boss.token)
            let recurring = try #require(report["recurringProblems"] as? [[String: Any]], "\(report.json)")
            #expect(recurring.count == 1 && recurring.first?["id"] as? Int == id)
            #expect(recurring.first?["tickets"] as? Int == 3 && recurring.first?["totalTickets"] as? Int == 3)
            #expect(recurring.first?["status"] as? String == "investigating")
            let own = try await api.call(.get, "/api/v1/reports/weekly?week=\(week)", token: agent.token)
            #expect((own["recurringProblems"] as? [Any])?.isEmpty == true, "\(own.json)")
            // the retrospective: its tickets oldest first, whom it touched, its conclusions
            let retro = try await api.call(.get, "/api/v1/problems/\(id)/retrospective", token: boss.token)
            #expect(((retro["tickets"] as? [[String: Any]]) ?? []).map { $0["number"] as? String } == vpn)
            #expect(retro["affectedRequesters"] as? Int == 3 && retro["openTickets"] as? Int == 3)
            #expect(retro["spanDays"] as? Int == 0 && retro["rootCause"] as? String == "VPN 网关证书到期未续")
            #expect(
                try await api.call(.get, "/api/v1/problems/\(id)/retrospective", token: agent.token).status
                    == .forbidden)
            #expect(
                try await api.call(.get, "/api/v1/problems/999/retrospective", token: boss.token).status == .notFound)
            // on the web: the review links it, the page prints it
            let browser = WebBrowser(api)
            _ = try await browser.signIn("lizhuguan")
            let weekly = try await browser.get("/reports?kind=week&period=\(week)")
            #expect(
                weekly.html.contains("id=\"report-problems\"") && weekly.html.contains("/problems/\(id)/retrospective"))
            // its column is the problem's retrospective, not a major incident's
            let problems = try #require(weekly.html.range(of: "id=\"report-problems\"")).upperBound
            let header = String(weekly.html[problems...].prefix(1_000)).components(separatedBy: "</thead>")[0]
            #expect(header.contains("问题复盘") && !header.contains("重大事件复盘"), "\(header)")
            let page = try await browser.get("/problems/\(id)/retrospective")
            #expect(page.status == .ok && page.html.contains("证书到期前 30 天自动提醒"), "\(page.html)")
            #expect(page.html.contains("关联工单 3 张，其中 3 张仍未结。") && page.html.contains("/tickets/\(vpn[0])"))
        }
    }

    @Test("bad input: a clear 4xx with a code; engineers read, managers write", arguments: TestStores.kinds)
    func badInput(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let agent = try await api.signUp("wanggong", role: "agent", tier: "L1", groups: [1], admin: admin)
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            #expect(try await api.call(.get, "/api/v1/problems", token: requester.token).status == .forbidden)
            #expect(
                try await api.call(.post, "/api/v1/problems", token: agent.token, json: ["title": "x"]).status
                    == .forbidden)
            let noTitle = try await api.call(.post, "/api/v1/problems", token: admin, json: ["rootCause": "x"])
            #expect(noTitle.status == .unprocessableContent && noTitle.errorCode == "field_required")
            let badTicket = try await api.call(
                .post, "/api/v1/problems", token: admin, json: ["title": "网关", "ticketNumbers": ["TS19990101001"]])
            #expect(badTicket.status == .unprocessableContent && badTicket.errorCode == "invalid_reference")
            let badOwner = try await api.call(
                .post, "/api/v1/problems", token: admin, json: ["title": "网关", "ownerId": requester.id])
            #expect(badOwner.status == .unprocessableContent && badOwner.errorCode == "invalid_reference")
            let created = try await api.call(.post, "/api/v1/problems", token: admin, json: ["title": "网关证书"])
            #expect(created.status == .created && created["status"] as? String == "investigating")
            let id = try #require(created["id"] as? Int)
            // a version no save reaches is not current (it once overflowed the server)
            let huge = try await api.call(
                .put, "/api/v1/problems/\(id)", token: admin, raw: #"{"title": "y", "version": 9223372036854775807}"#)
            #expect(huge.status == .conflict && huge.errorCode == "problem_changed")
            let noVersion = try await api.call(.put, "/api/v1/problems/\(id)", token: admin, json: ["title": "y"])
            #expect(noVersion.status == .unprocessableContent && noVersion.errorCode == "field_required")
            let closed = try await api.call(
                .put, "/api/v1/problems/\(id)", token: admin, json: ["status": "closed", "version": 1])
            #expect(closed.status == .conflict && closed.errorCode == "problem_illegal_transition")
            #expect(try await api.call(.get, "/api/v1/problems?status=gone", token: admin).status == .badRequest)
            #expect(try await api.call(.get, "/api/v1/problems/999", token: admin).status == .notFound)
            #expect(try await api.call(.get, "/api/v1/problems", token: agent.token).status == .forbidden)
            let unresolved = try await api.call(.post, "/api/v1/problems/\(id)/resolve-tickets", token: admin)
            #expect(unresolved.status == .unprocessableContent && unresolved.errorCode == "problem_fields_missing")
        }
    }
}
