import Foundation
import HelpdeskTestSupport
import Testing

@Suite("The reports page on the web (R7)")
struct ReportsWebTests {
    @Test("R7.1 R7.2 staff open the month's and the week's figures with charts and download the tracking table")
    func reportsPage() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-30 09:00")) { api in
            _ = try await ReportAPITests.desk(api)
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            let month = try await browser.get("/reports?kind=month&period=2026-12")
            #expect(month.status == .ok && month.html.contains("id=\"nav-reports\""))
            // the figures of December and of November side by side
            let table = try #require(month.html.firstMatch(of: /<table class="report-kpis"[\s\S]*?<\/table>/))
            #expect(table.0.contains("<th scope=\"row\">工单数</th><td>2</td><td>1</td>"))
            #expect(table.0.contains("<th scope=\"row\">解决率</th><td>50.0 %</td>"))
            // charts drawn on the server, titled for screen readers
            #expect(month.html.contains("role=\"img\" aria-labelledby=\"chart-type-title\""))
            #expect(month.html.contains("<title id=\"chart-backlog-title\">未解决工单（按已等待时长）</title>"))
            // the tracking table of the same period, as CSV with a byte-order mark
            let link = try #require(
                month.html.firstMatch(of: /href="(\/reports\/tracking\.csv\?[^"]+)" id="report-csv"/))
            let csv = try await browser.get(String(link.1).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok && csv.html.hasPrefix("\u{FEFF}工单编号,提交时间"))
            #expect(csv.html.split(separator: "\r\n").count == 3)
            // the weekly review, in English
            let week = try await browser.get("/reports?kind=week&period=2026-W49&lang=en")
            #expect(week.html.contains("<th scope=\"row\">Tickets</th><td>3</td><td>0</td>"))
            #expect(week.html.contains("2026-W48"))
        }
    }

    @Test("a period that does not parse is shown as an error on the form; requesters have no reports")
    func refusals() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-30 09:00")) { api in
            _ = try await ReportAPITests.desk(api)
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            let bad = try await browser.get("/reports?kind=month&period=2026-13")
            #expect(bad.status.code == 422 && bad.html.contains("id=\"report-error\""))
            let requester = WebBrowser(api)
            try await requester.signIn("xiaoming")
            let refused = try await requester.get("/reports")
            #expect(refused.status == .forbidden && !refused.html.contains("report-kpis"))
            let home = try await requester.get("/my")
            #expect(!home.html.contains("id=\"nav-reports\""))
        }
    }
}
