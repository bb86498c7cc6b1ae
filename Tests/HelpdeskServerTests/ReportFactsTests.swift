import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import SQLKit
import Testing

@testable import HelpdeskServer

/// A resolved ticket's facts are kept beside it (M028) so that a month's report reads a line a
/// ticket. They are a cache: every figure and every drill-down must be the same whether they
/// are read, missing, damaged or of another version.
@Suite("Reports: stored facts of resolved tickets (M028)")
struct ReportFactsTests {
    static func stored(_ api: APIHarness) async throws -> [String: String?] {
        try await api.store.database.read { db in
            try await db.raw("SELECT number, report_facts FROM tickets ORDER BY id").all()
        }.reduce(into: [:]) { result, row in
            result[try row.decode(column: "number", as: String.self)] = try row.decode(
                column: "report_facts", as: String?.self)
        }
    }

    static func set(_ api: APIHarness, _ assignment: String) async throws {
        let statement = SQLQueryString("UPDATE tickets SET report_facts = ") + SQLQueryString(assignment)
        try await api.store.database.transaction { db in try await db.raw(statement).run() }
    }

    /// What the reports show of December and of week 49, and every December figure's tickets.
    static func snapshot(_ api: APIHarness, admin: String) async throws -> [String] {
        var shown: [String] = []
        for uri in ["/api/v1/reports/monthly?month=2026-12", "/api/v1/reports/weekly?week=2026-W49"] {
            let read = try await ReportAPITests.raw(api, uri, token: admin, language: "zh-CN")
            #expect(read.status == .ok)
            shown.append(String(decoding: read.bytes, as: UTF8.self))
        }
        let report = try await api.call(.get, "/api/v1/reports/monthly?month=2026-12", token: admin)
        let kpis = try JSONDecoder().decode(
            KPISet.self, from: JSONSerialization.data(withJSONObject: try #require(report["kpis"])))
        for figure in kpis.figures {
            let query =
                "/api/v1/reports/tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&figure="
                + FigureLinks.escape(figure.text)
            let numbers = try await ReportDrillDownTests.pagedNumbers(api, query, token: admin)
            shown.append("\(figure.text): \(numbers.joined(separator: ","))")
        }
        return shown
    }

    @Test(
        "resolved tickets have stored facts, open ones none; the figures are the same read from them, without them, from damaged ones and once filled again",
        arguments: TestStores.kinds)
    func cacheNeverChangesAFigure(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            let admin = try await ReportDrillDownTests.busyDesk(api)
            let tickets = try await api.store.reportTickets(ids: Array(1...10))
            let stored = try await Self.stored(api)
            #expect(tickets.count == stored.count && tickets.count >= 5)
            for ticket in tickets {
                let text = try #require(stored[ticket.number])
                #expect(
                    (text != nil) == (ticket.sla.resolvedAt != nil), "\(ticket.number): \(String(describing: text))")
                if let text {
                    let rules = try await api.store.rules(policyId: ticket.slaPolicyId)
                    #expect(
                        SettledFacts(text: text, id: ticket.id)
                            == SettledFacts(ticket: ticket, policy: rules.policy, calendar: rules.calendar))
                }
            }
            let resolved = stored.values.compactMap { $0 }.count
            #expect(resolved >= 2)  // the VPN ticket and the one closed as out of scope

            let expected = try await Self.snapshot(api, admin: admin)
            #expect(expected.count > 20)
            try await Self.set(api, "NULL")
            #expect(try await Self.snapshot(api, admin: admin) == expected, "read from the documents")
            #expect(try await api.store.fillReportFacts(limit: 1) == 1)
            #expect(try await api.store.fillReportFacts(limit: 1000) == resolved - 1)
            #expect(try await api.store.fillReportFacts(limit: 1000) == 0)
            #expect(try await Self.stored(api) == stored, "filled as written")
            #expect(try await Self.snapshot(api, admin: admin) == expected, "filled")
            try await Self.set(api, "CASE WHEN report_facts IS NULL THEN NULL ELSE 'f1|damaged' END")
            #expect(try await Self.snapshot(api, admin: admin) == expected, "damaged")
            try await Self.set(api, "CASE WHEN report_facts IS NULL THEN NULL ELSE 'f0|' || report_facts END")
            #expect(try await Self.snapshot(api, admin: admin) == expected, "another version")
        }
    }

    @Test(
        "reopening drops a ticket's facts and resolving again writes them; a calendar change drops them until filled",
        arguments: TestStores.kinds)
    func followsTheTicket(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-12-01 09:00")) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
            let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "title": "VPN 连不上", "description": "在家无法连接", "impact": "medium", "urgency": "high",
                    "categoryId": 6, "contact": "13812345678",
                ])
            let number = try #require((created["ticket"] as? [String: Any])?["number"] as? String, "\(created.json)")
            func move(_ token: String, _ at: String, _ body: [String: Any]) async throws {
                api.clock.set(Shanghai.date(at))
                let moved = try await api.call(.post, "/api/v1/tickets/\(number)/transitions", token: token, json: body)
                #expect(moved.status == .ok, "\(body) → \(moved.json)")
            }
            #expect(try await Self.stored(api)[number] == .some(nil))
            try await move(admin, "2026-12-01 09:10", ["action": "assign", "assigneeId": agent.id])
            try await move(agent.token, "2026-12-01 09:20", ["action": "accept"])
            try await move(agent.token, "2026-12-01 10:00", ["action": "resolve", "solution": "重置了证书"])
            let first = try #require(try await Self.stored(api)[number] ?? nil)
            #expect(SettledFacts(text: first, id: 1)?.facts.reopened == false)
            try await move(requester.token, "2026-12-01 11:00", ["action": "reopen", "reason": "又断了"])
            #expect(try await Self.stored(api)[number] == .some(nil), "open again")
            try await move(admin, "2026-12-01 13:00", ["action": "assign", "assigneeId": agent.id])
            try await move(agent.token, "2026-12-01 13:10", ["action": "accept"])
            try await move(agent.token, "2026-12-01 14:00", ["action": "resolve", "solution": "换了网关"])
            let again = try #require(try await Self.stored(api)[number] ?? nil)
            #expect(SettledFacts(text: again, id: 1)?.facts.reopened == true)

            var calendar = try #require(try await api.store.calendars().first)
            calendar.calendar.week.saturday = calendar.calendar.week.monday
            _ = try await api.store.saveCalendar(calendar, now: api.clock.now)
            #expect(try await Self.stored(api)[number] == .some(nil), "dropped with the calendar")
            let filler = ReportFactsFiller(store: api.store, interval: .seconds(60), logger: .init(label: "test"))
            #expect(await filler.tick() == 1)
            #expect(try await Self.stored(api)[number] == again)
        }
    }
}
