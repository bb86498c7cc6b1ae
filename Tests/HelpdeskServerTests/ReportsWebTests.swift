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
            #expect(
                table.0.contains(
                    /<th scope="row">工单数<\/th><td><a href="[^"]+" class="figure">2<\/a><\/td><td><a href="[^"]+" class="figure">1<\/a><\/td><td class="change">\+1<\/td>/
                ))
            #expect(
                table.0.contains(
                    /<th scope="row">解决率<\/th><td>50.0 % <span class="figure-detail"><a href="[^"]+">1<\/a> \/ <a href="[^"]+">2<\/a><\/span><\/td>/
                ))
            // charts drawn on the server, titled for screen readers
            // (a group, since its bars link to their tickets)
            #expect(month.html.contains("role=\"group\" aria-labelledby=\"chart-type-title\""))
            #expect(month.html.contains("<title id=\"chart-backlog-title\">未解决工单（按已等待时长）</title>"))
            // the tracking table of the same period, as CSV with a byte-order mark
            let link = try #require(
                month.html.firstMatch(of: /href="(\/reports\/tracking\.csv\?[^"]+)" id="report-csv"/))
            let csv = try await browser.get(String(link.1).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok && csv.html.hasPrefix("\u{FEFF}工单编号,提交时间"))
            #expect(csv.html.split(separator: "\r\n").count == 3)
            // the weekly review, in English
            let week = try await browser.get("/reports?kind=week&period=2026-W49&lang=en")
            #expect(
                week.html.contains(
                    /<th scope="row">Tickets<\/th><td><a [^>]+>3<\/a><\/td><td><a [^>]+>0<\/a><\/td><td class="change">\+3<\/td>/
                ))
            #expect(week.html.contains("2026-W48"))
        }
    }

    @Test(
        "R7 every number on the month's page links to a ticket list as long as the number, and that list's downloads agree",
        arguments: TestStores.kinds)
    func drillDown(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            _ = try await ReportDrillDownTests.busyDesk(api)
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            let month = try await browser.get("/reports?kind=month&period=2026-12")
            // counts link themselves; rates and times link their count and what it is counted of
            let links = month.html.matches(
                of: /<a href="(\/reports\/tickets\?[^"]+)"(?: class="figure")?>(?:n = )?(\d+)(?: 张)?<\/a>/)
            #expect(links.count >= 40, "\(links.count) links")
            var seen: Set<String> = []
            for link in links {
                let href = String(link.1).replacingOccurrences(of: "&amp;", with: "&")
                guard seen.insert(href).inserted else { continue }
                let list = try await browser.get(href)
                #expect(list.status == .ok, "\(href)")
                #expect(list.html.contains("id=\"figure-heading\""))
                let rows = list.html.matches(of: /<tr><td><a href="\/tickets\/[^"]+">/).count
                #expect(rows == Int(link.2), "\(href): \(rows) rows for \(link.2)")
                let csvLink = try #require(list.html.firstMatch(of: /href="([^"]+)" id="figure-csv"/))
                let csv = try await browser.get(String(csvLink.1).replacingOccurrences(of: "&amp;", with: "&"))
                #expect(csv.html.split(separator: "\r\n").count == 1 + rows, "\(href) CSV")
            }
            // bars link to their tickets too, and the breached list is complete
            #expect(month.html.contains(/<a href="\/reports\/tickets\?[^"]+figure=backlog.3to7d"><g>/))
            let overdue = try #require(month.html.firstMatch(of: /href="([^"]+)" id="report-overdue-all"/))
            let breached = try await browser.get(String(overdue.1).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(breached.html.contains("<h1 id=\"figure-heading\">超时工单</h1>"))
            #expect(breached.html.contains("等待厂商 v2.1 补丁"))
            // the heading names the figure in the reader's language, with the directory's names
            let group = try await browser.get(
                "/reports/tickets?from=2026-11-30T16:00:00Z&until=2026-12-31T16:00:00Z&figure=volume.group.1&lang=en")
            #expect(group.html.contains("<h1 id=\"figure-heading\">Tickets with Group “"))
            #expect(group.html.contains("2026-12-01 to 2026-12-31"))
            let bad = try await browser.get("/reports/tickets?from=2026-11-30T16:00:00Z&until=x&figure=nope")
            #expect(bad.status == .badRequest)
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

@Suite("Scheduled report e-mail on the reports page")
struct ReportSubscriptionsWebTests {
    @Test("a supervisor schedules the weekly review, sees the next run, is told what is wrong, and cancels it")
    func scheduleOnThePage() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-12-02 10:00")) { api in
            let admin = try await api.token("admin")
            _ = try await api.signUp("chen", role: "supervisor", admin: admin, email: "chen@corp.example")
            let browser = try await WebBrowser.signedIn(api, as: "chen")
            let page = try await browser.get("/reports")
            #expect(page.html.contains("id=\"subscription-form\""))
            #expect(page.html.contains("chen@corp.example"))
            #expect(page.html.contains("id=\"subscriptions-none\""))
            let csrf = try #require(page.csrf)
            // A time the reader typed wrong: the form says so, with the field's label, and keeps the values.
            let wrong = try await browser.post(
                "/reports/subscriptions",
                ["_csrf": csrf, "kind": "weekly", "weekday": "5", "dayOfMonth": "1", "time": "25:00"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.html.contains("id=\"subscription-error\"") && wrong.html.contains("时间"))
            #expect(wrong.html.contains("<option value=\"5\" selected>周五</option>"))
            let added = try await browser.post(
                "/reports/subscriptions",
                ["_csrf": csrf, "kind": "weekly", "weekday": "1", "dayOfMonth": "1", "time": "09:00", "groupId": "1"])
            #expect(added.status == .seeOther)
            let listed = try await browser.get("/reports?kind=week")
            let item = try #require(
                listed.html.firstMatch(of: /<li id="subscription-(\d+)">([^<]*)<span class="muted">([^<]*)<\/span>/))
            #expect(item.2.hasPrefix("每周一 09:00 发送上周的周报（"))
            #expect(item.3 == "下次发送：2026-12-07 09:00")
            let cancelled = try await browser.post("/reports/subscriptions/\(item.1)/delete", ["_csrf": csrf])
            #expect(cancelled.status == .seeOther)
            #expect(try await browser.get("/reports").html.contains("id=\"subscriptions-none\""))
            #expect(try await api.store.reportSubscriptions(userId: nil).isEmpty)
        }
    }

    @Test(
        "a reader without an e-mail address reads why there is no form; a form without the session's token is refused")
    func noAddressNoForm() async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            _ = try await api.signUp("li", role: "supervisor", admin: admin)
            let browser = try await WebBrowser.signedIn(api, as: "li")
            let page = try await browser.get("/reports")
            #expect(!page.html.contains("id=\"subscription-form\""))
            #expect(page.html.contains("你的账号没有邮箱地址"))
            let forged = try await browser.post(
                "/reports/subscriptions", ["kind": "weekly", "weekday": "1", "time": "09:00"])
            #expect(forged.status == .forbidden)
            #expect(try await api.store.reportSubscriptions(userId: nil).isEmpty)
        }
    }
}

@Suite("The tracking table's group names in the reader's language")
struct TrackingGroupNameTests {
    @Test("an English reader's drill-down, CSV and API rows name the group in English (they named it in Chinese)")
    func englishGroupNames() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-11-30 09:00")) { api in
            let desk = try await ReportAPITests.desk(api)
            let browser = try await WebBrowser.signedIn(api, as: "admin")
            let range = "from=2026-11-30T00:00:00%2B08:00&until=2026-12-07T00:00:00%2B08:00"
            let english = try await browser.get("/reports/tickets?\(range)&lang=en")
            #expect(english.html.contains("<td>Operations</td>") && !english.html.contains("运维组"))
            let chinese = try await browser.get("/reports/tickets?\(range)")
            #expect(chinese.html.contains("<td>运维组</td>"))
            let csv = try await browser.get("/reports/tracking.csv?\(range)&lang=en")
            #expect(csv.html.contains(",Operations,") && !csv.html.contains("运维组"))
            let rows = try await api.call(.get, "/api/v1/reports/tracking?\(range)&lang=en", token: desk.admin)
            #expect(rows.items.compactMap { $0["group"] as? String } == ["Operations", "Operations", "Operations"])
        }
    }
}
