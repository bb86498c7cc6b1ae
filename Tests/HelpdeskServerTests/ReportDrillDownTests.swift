import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

/// Every number a report shows names the tickets it counts (issue #13): the drill-down is the
/// tracking table narrowed to the figure, and its length, its CSV lines and its workbook rows
/// all equal the number.
@Suite("Reports: every figure reconciles with its ticket list and its exports (R7)")
struct ReportDrillDownTests {
    /// The report desk, plus an escalated ticket, one closed as out of scope, and a breach with
    /// its cause; read on 10 December, when the open tickets' response targets have passed.
    static func busyDesk(_ api: APIHarness) async throws -> String {
        let desk = try await ReportAPITests.desk(api)
        func submit(_ title: String) async throws -> String {
            let created = try await api.call(
                .post, "/api/v1/tickets", token: desk.requester,
                json: ["title": title, "description": title, "impact": "high", "urgency": "high", "categoryId": 6])
            return try #require((created["ticket"] as? [String: Any])?["number"] as? String, "\(created.json)")
        }
        func move(_ number: String, _ token: String, _ body: [String: Any]) async throws {
            let moved = try await api.call(.post, "/api/v1/tickets/\(number)/transitions", token: token, json: body)
            #expect(moved.status == .ok, "\(body) → \(moved.json)")
        }
        api.clock.set(Shanghai.date("2026-12-03 10:00"))
        let escalated = try await submit("数据库连接池耗尽")
        try await move(escalated, desk.admin, ["action": "assign", "assigneeId": desk.agent.id])
        try await move(escalated, desk.agent.token, ["action": "escalate", "reason": "已重启连接池，需二线排查"])
        let outOfScope = try await submit("私人手机屏幕碎了")
        try await move(outOfScope, desk.admin, ["action": "close", "reason": "不属于公司 IT 支持范围", "outOfScope": true])
        api.clock.set(Shanghai.date("2026-12-10 10:00"))
        let admin = try await api.token("admin")  // a week on, the first sign-in has expired
        let cause = try await api.call(
            .put, "/api/v1/tickets/\(escalated)/breach-cause", token: admin, json: ["cause": "等待厂商 v2.1 补丁"])
        #expect(cause.status == .ok, "\(cause.json)")
        return admin
    }

    @Test(
        "R7.2 R7.3 each figure of the month and of the month before: list length = CSV lines = workbook rows = the figure",
        arguments: TestStores.kinds)
    func everyFigure(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            let admin = try await Self.busyDesk(api)
            let report = try await api.call(.get, "/api/v1/reports/monthly?month=2026-12", token: admin)
            #expect(report.status == .ok, "\(report.json)")
            var checked = 0
            for (key, periodKey) in [("kpis", "period"), ("previous", "previousPeriod")] {
                let kpis = try JSONDecoder().decode(
                    KPISet.self, from: JSONSerialization.data(withJSONObject: try #require(report[key])))
                let period = try #require(report[periodKey] as? [String: Any])
                let from = try #require(period["start"] as? String)
                let until = try #require(period["end"] as? String)
                for figure in kpis.figures {
                    let expected = kpis.count(of: figure)
                    let query =
                        "/api/v1/reports/tracking?from=\(from)&until=\(until)&figure="
                        + FigureLinks.escape(figure.text)
                    let listed = try await Self.pagedNumbers(api, query, token: admin)
                    #expect(listed.count == expected, "\(figure.text) in \(key)")
                    #expect(Set(listed).count == listed.count, "\(figure.text): a ticket twice")
                    let csv = try await ReportAPITests.raw(api, query + "&format=csv", token: admin, language: "zh-CN")
                    let lines = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
                    #expect(lines.count == 1 + expected, "\(figure.text) CSV")
                    let xlsx = try await ReportAPITests.raw(api, query + "&format=xlsx", token: admin, language: "en")
                    #expect(try WorkbookReader(xlsx.bytes).sheets.first?.rows.count == 1 + expected, "\(figure.text)")
                    checked += expected > 0 ? 1 : 0
                }
            }
            // the desk is varied enough that most figures count something
            #expect(checked >= 25, "\(checked) figures with tickets")
            let kpis = try #require(report["kpis"] as? [String: Any])
            #expect((kpis["breachesByCause"] as? [String: Int])?["等待厂商 v2.1 补丁"] == 1)
            #expect(kpis["outOfScope"] as? Int == 1)
        }
    }

    @Test("a drill-down page reads on from its cursor, and an engineer's reaches only their own tickets")
    func pagingAndScope() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-30 09:00")) { api in
            let admin = try await Self.busyDesk(api)
            let range = "from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z"
            let all = try await api.call(.get, "/api/v1/reports/tracking?\(range)&figure=counted", token: admin)
            let numbers = all.items.compactMap { $0["number"] as? String }
            #expect(numbers.count == 3)
            #expect(
                try await Self.pagedNumbers(api, "/api/v1/reports/tracking?\(range)&figure=counted", token: admin)
                    == numbers)
            let agent = try await api.token("li.l1")
            let own = try await api.call(.get, "/api/v1/reports/tracking?\(range)&figure=counted", token: agent)
            let ownReport = try await api.call(.get, "/api/v1/reports/monthly?month=2026-12", token: agent)
            let ownCounted = ((ownReport["kpis"] as? [String: Any])?["resolutionRate"] as? [String: Any])?["of"] as? Int
            #expect(own.items.count == ownCounted && !own.items.isEmpty)
        }
    }

    /// Every ticket number of a drill-down, read one row per page.
    static func pagedNumbers(_ api: APIHarness, _ query: String, token: String) async throws -> [String] {
        var numbers: [String] = []
        var cursor: String?
        repeat {
            let page = try await api.call(
                .get, query + "&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
            #expect(page.status == .ok, "\(query) → \(page.json)")
            numbers += page.items.compactMap { $0["number"] as? String }
            cursor = page["nextCursor"] as? String
        } while cursor != nil && numbers.count < 100
        return numbers
    }
}
