import Foundation
import HTTPTypes
import HelpdeskTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Reports API (R7)")
struct ReportAPITests {
    /// Three tickets: one on Monday 30 November, two in December (one resolved and rated).
    static func desk(_ api: APIHarness) async throws -> (
        admin: String, requester: String, agent: (id: Int64, token: String)
    ) {
        let admin = try await api.token("admin")
        let requester = try await api.signUp("xiaoming", role: "requester", admin: admin)
        let agent = try await api.signUp("li.l1", role: "agent", tier: "L1", groups: [1], admin: admin)
        func submit(_ at: String, _ title: String, _ description: String) async throws -> String {
            api.clock.set(Shanghai.date(at))
            let created = try await api.call(
                .post, "/api/v1/tickets", token: requester.token,
                json: [
                    "title": title, "description": description, "impact": "medium", "urgency": "high", "categoryId": 6,
                    "contact": "13812345678",
                ])
            #expect(created.status == .created, "\(created.json)")
            return (created["ticket"] as! [String: Any])["number"] as! String
        }
        func move(_ number: String, _ token: String, _ at: String, _ body: [String: Any]) async throws {
            api.clock.set(Shanghai.date(at))
            let moved = try await api.call(.post, "/api/v1/tickets/\(number)/transitions", token: token, json: body)
            #expect(moved.status == .ok, "\(body) → \(moved.json)")
        }
        _ = try await submit("2026-11-30 10:00", "打印机卡纸", "三楼打印机卡纸")
        let vpn = try await submit("2026-12-01 10:00", "VPN 连不上", "在家无法连接 VPN，回电 13912345678")
        _ = try await submit("2026-12-02 09:00", "邮箱满了", "邮箱容量已满, 无法收信")
        try await move(vpn, admin, "2026-12-01 10:10", ["action": "assign", "assigneeId": agent.id])
        try await move(vpn, agent.token, "2026-12-01 10:20", ["action": "accept"])
        try await move(vpn, agent.token, "2026-12-01 11:00", ["action": "resolve", "solution": "重置了 VPN 证书"])
        try await move(vpn, requester.token, "2026-12-01 12:00", ["action": "confirm"])
        try await move(
            vpn, requester.token, "2026-12-01 12:01",
            ["action": "rate", "satisfaction": ["level": "satisfied", "score": 5]])
        api.clock.set(Shanghai.date("2026-12-03 10:00"))
        return (admin, requester.token, agent)
    }

    @Test(
        "R7.2 R7.3 the month's figures reconcile with its tracking table, its CSV and its workbook",
        arguments: TestStores.kinds)
    func monthly(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            let desk = try await Self.desk(api)
            let report = try await api.call(.get, "/api/v1/reports/monthly?month=2026-12", token: desk.admin)
            #expect(report.status == .ok, "\(report.json)")
            let period = try #require(report["period"] as? [String: Any])
            #expect(period["label"] as? String == "2026-12" && period["start"] as? String == "2026-11-30T16:00:00Z")
            let kpis = try #require(report["kpis"] as? [String: Any])
            #expect(kpis["tickets"] as? Int == 2)
            #expect((report["previous"] as? [String: Any])?["tickets"] as? Int == 1)
            let resolved = try #require(kpis["resolutionRate"] as? [String: Any])
            #expect(resolved["count"] as? Int == 1 && resolved["of"] as? Int == 2 && resolved["rate"] as? Double == 0.5)
            let fcr = try #require(kpis["firstContactResolution"] as? [String: Any])
            #expect(fcr["count"] as? Int == 1 && fcr["of"] as? Int == 1)
            let satisfaction = try #require(kpis["satisfaction"] as? [String: Any])
            #expect(satisfaction["rated"] as? Int == 1 && satisfaction["meanScore"] as? Double == 5)
            let resolution = try #require(kpis["resolution"] as? [String: Any])
            #expect(resolution["count"] as? Int == 1 && resolution["median"] as? Double == 60)  // 10:00 → 11:00
            #expect(((report["byGroup"] as? [String: Any])?["1"] as? [String: Any])?["tickets"] as? Int == 2)

            // the tracking table of the same month: as many rows as the report counts tickets
            let from = "2026-11-30T16:00:00Z"
            let until = "2026-12-31T16:00:00Z"
            let tracking = try await api.call(
                .get, "/api/v1/reports/tracking?from=\(from)&until=\(until)", token: desk.admin)
            #expect(tracking.status == .ok, "\(tracking.json)")
            #expect(tracking.items.count == kpis["tickets"] as? Int)
            let first = try #require(tracking.items.first)
            let description = try #require(first["description"] as? String)  // R9.2
            #expect(description.hasPrefix("在家无法连接 VPN") && !description.contains("13912345678"))
            #expect(first["group"] as? String == "运维组" && first["engineer"] as? String == "li.l1")
            #expect(first["satisfaction"] as? Int == 5 && first["remark"] == nil)

            // the row's times and status are the ticket's own (the table reads stored columns)
            for row in tracking.items {
                let number = try #require(row["number"] as? String)
                let ticket = try await api.call(.get, "/api/v1/tickets/\(number)", token: desk.admin)
                let sla = try #require(ticket["sla"] as? [String: Any], "\(ticket.json)")
                #expect(row["responseDueAt"] as? String == sla["responseDueAt"] as? String, "\(number)")
                #expect(row["respondedAt"] as? String == sla["respondedAt"] as? String, "\(number)")
                #expect(row["resolvedAt"] as? String == sla["resolvedAt"] as? String, "\(number)")
                #expect(row["status"] as? String == ticket["status"] as? String, "\(number)")
            }

            // paged one row at a time, the same rows in the same order
            var numbers: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.call(
                    .get,
                    "/api/v1/reports/tracking?from=\(from)&until=\(until)&limit=1"
                        + (cursor.map { "&cursor=\($0)" } ?? ""),
                    token: desk.admin)
                numbers += page.items.compactMap { $0["number"] as? String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(numbers == tracking.items.compactMap { $0["number"] as? String })

            // the CSV: a byte-order mark, the header in the reader's language, one line per ticket
            for (language, title) in [("zh-CN", "工单编号"), ("en", "Number")] {
                let csv = try await Self.raw(
                    api, "/api/v1/reports/tracking?from=\(from)&until=\(until)&format=csv", token: desk.admin,
                    language: language)
                #expect(csv.status == .ok && csv.contentType?.hasPrefix("text/csv") == true)
                #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
                let text = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
                let lines = text.split(separator: "\r\n")
                #expect(lines.count == 1 + (kpis["tickets"] as! Int))
                #expect(lines.first?.hasPrefix(title) == true)
                #expect(text.contains("\"邮箱容量已满, 无法收信\""))  // a comma is quoted
            }

            // the workbook: the same rows, typed
            let xlsx = try await Self.raw(
                api, "/api/v1/reports/tracking?from=\(from)&until=\(until)&format=xlsx", token: desk.admin,
                language: "zh-CN")
            #expect(
                xlsx.status == .ok
                    && xlsx.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let book = try WorkbookReader(xlsx.bytes)
            #expect(book.sheets.map(\.name) == ["响应时效跟踪表"])
            let rows = try #require(book.sheets.first?.rows)
            #expect(rows.count == 1 + (kpis["tickets"] as! Int))
            #expect(rows.first?.first?.text == "工单编号")
            let vpn = try #require(rows.dropFirst().first { $0.contains { $0.text.hasPrefix("在家无法连接 VPN") } })
            let submitted = try #require(vpn.first { $0.reference.hasPrefix("B") })
            #expect(submitted.style == "1", "\(submitted)")
            let serial: Double = 46_357 + 10 / 24.0  // 1 December 10:00 local
            #expect(abs((Double(submitted.text) ?? 0) - serial) < 1e-9, "\(submitted)")
            let score = try #require(vpn.first { $0.reference.hasPrefix("K") })
            #expect(score.type == nil && Double(score.text) == 5)
            #expect(!vpn.contains { $0.text.contains("13912345678") })  // R9.2
        }
    }

    @Test("R7.1 the weekly review counts Monday to Monday and lists the previous week", arguments: TestStores.kinds)
    func weekly(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            let desk = try await Self.desk(api)
            let report = try await api.call(.get, "/api/v1/reports/weekly?week=2026-W49", token: desk.admin)
            #expect(report.status == .ok, "\(report.json)")
            #expect((report["kpis"] as? [String: Any])?["tickets"] as? Int == 3)
            #expect((report["previousPeriod"] as? [String: Any])?["label"] as? String == "2026-W48")
            let current = try await api.call(.get, "/api/v1/reports/weekly", token: desk.admin)
            #expect((current["period"] as? [String: Any])?["label"] as? String == "2026-W49")
            let top = try #require(report["topCategories"] as? [[String: Any]])
            #expect(top.first?["categoryId"] as? Int == 6 && top.first?["tickets"] as? Int == 3)
        }
    }

    @Test("engineers see their own figures, requesters none")
    func access() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-30 09:00")) { api in
            let desk = try await Self.desk(api)
            let own = try await api.call(.get, "/api/v1/reports/monthly?month=2026-12", token: desk.agent.token)
            #expect(own.status == .ok)
            #expect((own["filter"] as? [String: Any])?["engineerId"] as? Int == Int(desk.agent.id))
            #expect((own["kpis"] as? [String: Any])?["tickets"] as? Int == 1)
            let other = try await api.call(
                .get, "/api/v1/reports/monthly?month=2026-12&engineerId=1", token: desk.agent.token)
            #expect(other.status == .forbidden)
            for path in ["monthly", "weekly", "tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z"] {
                let refused = try await api.call(.get, "/api/v1/reports/\(path)", token: desk.requester)
                #expect(refused.status == .forbidden, "\(path)")
            }
        }
    }

    @Test(
        "a report that cannot run is a 4xx with a code and a message in the caller's language",
        arguments: [
            ("monthly?month=2026-13", 422, "invalid_value"), ("monthly?month=12-2026", 422, "invalid_value"),
            ("weekly?week=2025-W53", 404, "not_found"), ("weekly?week=2026-W54", 422, "invalid_value"),
            ("tracking?until=2026-12-31T16:00:00Z", 422, "field_required"),
            ("tracking?from=2026-12-01&until=2026-12-31T16:00:00Z", 400, "invalid_parameter"),
            ("tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&format=pdf", 400, "invalid_parameter"),
            ("tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&cursor=abc", 422, "invalid_value"),
            ("tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&limit=501", 400, "invalid_parameter"),
            ("monthly?groupId=0", 400, "invalid_parameter"),
            (
                "tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&figure=escalated.L1", 400,
                "invalid_parameter"
            ),
            (
                "tracking?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&figure=volume.colour.red", 400,
                "invalid_parameter"
            ),
        ] as [(String, Int, String)])
    func refused(path: String, status: Int, code: String) async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let chinese = try await api.call(.get, "/api/v1/reports/" + path, token: admin, language: "zh-CN")
            #expect(chinese.status.code == status && chinese.errorCode == code, "\(chinese.json)")
            let message = try #require(chinese.errorMessage)
            #expect(message.unicodeScalars.contains { $0.properties.isIdeographic })
            let english = try await api.call(.get, "/api/v1/reports/" + path, token: admin, language: "en")
            #expect(english.errorCode == code && english.errorMessage != message)
        }
    }

    @Test(
        "R7.3 R9.2 the table reads the masked description and the score from their columns; rows from before them read the document, and the start-up fill gives the same table",
        arguments: TestStores.kinds)
    func reportColumns(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            let desk = try await Self.desk(api)
            let uri = "/api/v1/reports/tracking?from=2026-11-01T00:00:00%2B08:00&until=2026-12-08T00:00:00%2B08:00"
            func table() async throws -> String {
                let (status, _, bytes) = try await Self.raw(
                    api, uri + "&format=csv", token: desk.admin, language: "zh-CN")
                #expect(status == .ok)
                return String(decoding: bytes, as: UTF8.self)
            }
            let stored = try await table()
            // the phone number in the VPN ticket's description is masked, and so stored
            #expect(!stored.contains("13912345678") && stored.contains("在家无法连接 VPN"))
            let columns = try await BulkTickets.reportColumns(in: api.store)
            #expect(columns.count == 3 && columns.allSatisfy { $0.description?.contains("13912345678") == false })
            #expect(columns.compactMap(\.score) == [5])
            try await BulkTickets.clearReportColumns(in: api.store)
            #expect(try await table() == stored)
            #expect(try await api.store.fillReportColumns(limit: 2) == 2)
            #expect(try await api.store.fillReportColumns(limit: 1000) == 1)
            #expect(try await api.store.fillReportColumns(limit: 1000) == 0)
            #expect(try await table() == stored)
            let filled = try await BulkTickets.reportColumns(in: api.store)
            #expect(filled.map(\.description) == columns.map(\.description))
            #expect(filled.map(\.score) == columns.map(\.score))
        }
    }

    @Test("a period without tickets, or an empty range, is a report of zeros, not an error")
    func empty() async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let report = try await api.call(.get, "/api/v1/reports/monthly?month=2020-01", token: admin)
            #expect(report.status == .ok && (report["kpis"] as? [String: Any])?["tickets"] as? Int == 0)
            let tracking = try await api.call(
                .get, "/api/v1/reports/tracking?from=2026-12-31T16:00:00Z&until=2026-11-30T16:00:00Z", token: admin)
            #expect(tracking.status == .ok && tracking.items.isEmpty && tracking["nextCursor"] == nil)
        }
    }

    static func raw(_ api: APIHarness, _ uri: String, token: String, language: String) async throws -> (
        status: HTTPResponse.Status, contentType: String?, bytes: [UInt8]
    ) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.acceptLanguage] = language
        return try await api.client.execute(uri: uri, method: .get, headers: headers, body: nil) { response in
            (response.status, response.headers[.contentType], Array(buffer: response.body))
        }
    }
}
