import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// Turns a ``PeriodReport`` into the reports page: figures in the reader's language, charts,
/// the group breakdown and the breached tickets.
struct ReportsView {
    let views: TicketViews
    let user: User
    let zone: TimeZone

    func page(
        _ report: PeriodReport?, kind: WebReportRoutes.Kind, label: String, groupId: Int64?, error: String?
    ) -> ReportsPage {
        let t = views.t
        let kinds = TicketViews.options(
            WebReportRoutes.Kind.allCases.map { ($0.rawValue, t("ui.reports.kind.\($0.rawValue)", [:])) },
            selected: kind.rawValue)
        let groupOptions = views.reportGroupOptions(selected: groupId)
        guard let report else {
            return ReportsPage(
                kinds: kinds, label: label, groups: groupOptions, choosesGroup: user.role.seesAllTickets, error: error,
                periodTitle: "", previousLabel: "", hasReport: false, rows: [], charts: [], groupRows: [],
                hasGroupRows: false, overdue: [], hasOverdue: false, overdueNote: "", csvLink: "")
        }
        let now = report.kpis
        let before = report.previous
        let links = FigureLinks(groupId: groupId)
        /// A row over both periods; `cell` gets the set and the link maker of its own period.
        func row(
            _ key: String, change: String,
            _ cell: (KPISet, (ReportFigure) -> String) -> ReportsPage.Cell
        ) -> ReportsPage.Row {
            ReportsPage.Row(
                id: "kpi-" + key, label: t("ui.reports.kpi.\(key)", [:]),
                current: cell(now) { links.href(report.period, $0) },
                previous: cell(before) { links.href(report.previousPeriod, $0) }, change: change)
        }
        func count(_ key: String, _ figure: ReportFigure) -> ReportsPage.Row {
            row(key, change: signed(now.count(of: figure) - before.count(of: figure))) { kpis, href in
                ReportsPage.Cell(text: "\(kpis.count(of: figure))", href: href(figure))
            }
        }
        func share(_ key: String, _ rate: (KPISet) -> Rate, _ counted: ReportFigure, of: ReportFigure)
            -> ReportsPage.Row
        {
            row(key, change: points(rate(now).rate, rate(before).rate)) { kpis, href in
                ReportsPage.Cell(
                    text: self.rate(rate(kpis)), count: .init(text: "\(rate(kpis).count)", href: href(counted)),
                    of: .init(text: "\(rate(kpis).of)", href: href(of)))
            }
        }
        func time(_ key: String, _ value: (KPISet) -> Double?, measured: ReportFigure) -> ReportsPage.Row {
            row(key, change: minutesChange(value(now), value(before))) { kpis, href in
                ReportsPage.Cell(
                    text: minutes(value(kpis)),
                    count: .init(
                        text: t("ui.reports.measured", ["n": "\(kpis.count(of: measured))"]), href: href(measured)))
            }
        }
        let rows = [
            count("tickets", .tickets), count("out_of_scope", .outOfScope),
            time("first_response_median", { $0.firstResponse.median }, measured: .firstResponseMeasured),
            time("first_response_p90", { $0.firstResponse.p90.map(Double.init) }, measured: .firstResponseMeasured),
            time("resolution_median", { $0.resolution.median }, measured: .resolutionMeasured),
            time("resolution_p90", { $0.resolution.p90.map(Double.init) }, measured: .resolutionMeasured),
            share("response_attainment", \.responseAttainment, .responseMet, of: .responseDecided),
            share("resolution_attainment", \.resolutionAttainment, .resolutionMet, of: .resolutionDecided),
            share("resolution_rate", \.resolutionRate, .resolved, of: .counted),
            share("reopen_rate", \.reopenRate, .reopened, of: .everResolved),
            share("first_contact", \.firstContactResolution, .firstContact, of: .resolved),
            row("satisfaction", change: score(now.satisfaction.meanScore, before.satisfaction.meanScore)) {
                kpis, href in
                ReportsPage.Cell(
                    text: kpis.satisfaction.meanScore.map { String(format: "%.2f", $0) } ?? "—",
                    count: .init(
                        text: t("ui.reports.measured", ["n": "\(kpis.satisfaction.rated)"]), href: href(.rated)))
            },
            share("satisfied", \.satisfaction.satisfied, .satisfaction(.satisfied), of: .rated),
            count("escalated_l2", .escalated(.l2)), count("escalated_l3", .escalated(.l3)),
        ]
        func bar(_ label: String, _ figure: ReportFigure) -> BarChart.Bar {
            BarChart.Bar(label: label, value: now.count(of: figure), href: links.href(report.period, figure))
        }
        let types = TicketType.allCases.map {
            bar(t("ui.type.\($0.rawValue)", [:]), .volume(dimension: "type", key: $0.rawValue))
        }
        let backlog = KPISet.ageBuckets.map { bar(t("ui.reports.age.\($0.key)", [:]), .backlog($0.key)) }
        let causes = now.breachesByCause.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
            bar($0.key == "unrecorded" ? t("ui.reports.cause_unrecorded", [:]) : $0.key, .breachCause($0.key))
        }
        var charts = [
            BarChart(id: "chart-type", title: t("ui.reports.chart.type", [:]), bars: types),
            BarChart(id: "chart-backlog", title: t("ui.reports.chart.backlog", [:]), bars: backlog),
        ]
        if !causes.isEmpty {
            charts.append(BarChart(id: "chart-causes", title: t("ui.reports.chart.causes", [:]), bars: causes))
        }
        let groupRows = report.byGroup.sorted { $0.key < $1.key }.map { key, kpis in
            ReportsPage.GroupRow(
                name: Int64(key).map(views.groupName) ?? t("ui.reports.no_group", [:]),
                tickets: .init(
                    text: "\(kpis.tickets)",
                    href: links.href(report.period, .volume(dimension: "group", key: key))),
                resolutionRate: rate(kpis.resolutionRate), attainment: rate(kpis.resolutionAttainment),
                medianResolution: minutes(kpis.resolution.median))
        }
        let overdue = report.overdue.map { ticket in
            ReportsPage.Overdue(
                number: ticket.number, title: ticket.title, priority: ticket.priority.rawValue,
                cause: ticket.breachCause ?? t("ui.reports.cause_unrecorded", [:]),
                handler: ticket.assigneeId.map(views.userName) ?? views.groupName(ticket.groupId),
                missed: ticket.missed.map { t("ui.reports.missed.\($0.rawValue)", [:]) }.joined(separator: "、"))
        }
        let range =
            "from=\(Self.iso(report.period.start))&until=\(Self.iso(report.period.end))"
            + (groupId.map { "&groupId=\($0)" } ?? "")
        var page = ReportsPage(
            kinds: kinds, label: report.period.label, groups: groupOptions, choosesGroup: user.role.seesAllTickets,
            error: error,
            periodTitle: t(
                "ui.reports.period_title",
                ["period": report.period.label, "as_of": LocalTimeText.format(report.asOf, in: zone)]),
            previousLabel: report.previousPeriod.label, hasReport: true, rows: rows,
            charts: charts.map { ReportsPage.Chart(title: $0.title, svg: $0.svg) }, groupRows: groupRows,
            hasGroupRows: !groupRows.isEmpty,
            overdue: overdue, hasOverdue: !overdue.isEmpty,
            overdueNote: t("ui.reports.overdue_count", ["n": "\(report.overdueCount)"]),
            overdueLink: links.href(report.period, .breached), csvLink: "/reports/tracking.csv?" + range,
            xlsxLink: "/reports/tracking.xlsx?" + range)
        page.majorIncidents = report.majorIncidents.map {
            ReportsPage.MajorIncident(
                number: $0.number, title: $0.title, priority: $0.priority.rawValue,
                status: t("status.\($0.status.rawValue)", [:]),
                submitted: LocalTimeText.format($0.submittedAt, in: zone))
        }
        page.hasMajorIncidents = !page.majorIncidents.isEmpty
        page.recurringProblems = report.recurringProblems.map {
            ReportsPage.RecurringProblem(
                id: $0.id, title: $0.title, status: t("status.problem_\($0.status.rawValue)", [:]),
                tickets: t("ui.reports.recurring_tickets", ["n": "\($0.tickets)", "total": "\($0.totalTickets)"]))
        }
        page.hasRecurringProblems = !page.recurringProblems.isEmpty
        return page
    }

    /// `+3`, `−2`, `0`.
    func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0" }

    /// The change of a rate in percentage points.
    func points(_ current: Double?, _ previous: Double?) -> String {
        guard let current, let previous else { return "" }
        let points = ((current - previous) * 1000).rounded() / 10
        let text = String(format: "%.1f", abs(points))
        return views.t("ui.reports.points", ["n": (points > 0 ? "+" : points < 0 ? "−" : "") + text])
    }

    func minutesChange(_ current: Double?, _ previous: Double?) -> String {
        guard let current, let previous else { return "" }
        let change = Int(current.rounded()) - Int(previous.rounded())
        return change == 0 ? "0" : (change > 0 ? "+" : "−") + views.duration(abs(change))
    }

    func score(_ current: Double?, _ previous: Double?) -> String {
        guard let current, let previous else { return "" }
        let change = ((current - previous) * 100).rounded() / 100
        let text = String(format: "%.2f", abs(change))
        return change == 0 ? "0" : (change > 0 ? "+" : "−") + text
    }

    func rate(_ rate: Rate) -> String { rate.rate.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }

    func minutes(_ value: Double?) -> String { value.map { views.duration(Int($0.rounded())) } ?? "—" }

    static func iso(_ date: Date) -> String { JSONWriter.iso8601(date) }
}
