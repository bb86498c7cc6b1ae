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
        let groupOptions =
            [SelectOption(value: "", label: t("ui.reports.all_groups", [:]), selected: groupId == nil)]
            + views.groups.values.sorted { $0.id < $1.id }.map {
                SelectOption(value: String($0.id), label: views.groupName($0.id), selected: $0.id == groupId)
            }
        guard let report else {
            return ReportsPage(
                kinds: kinds, label: label, groups: groupOptions, choosesGroup: user.role.seesAllTickets, error: error,
                periodTitle: "", previousLabel: "", hasReport: false, rows: [], charts: [], groupRows: [],
                hasGroupRows: false, overdue: [], hasOverdue: false, overdueNote: "", csvLink: "")
        }
        let now = report.kpis
        let before = report.previous
        func row(_ key: String, _ value: (KPISet) -> String) -> ReportsPage.Row {
            ReportsPage.Row(label: t("ui.reports.kpi.\(key)", [:]), current: value(now), previous: value(before))
        }
        let rows = [
            row("tickets") { "\($0.tickets)" }, row("out_of_scope") { "\($0.outOfScope)" },
            row("first_response_median") { minutes($0.firstResponse.median) },
            row("first_response_p90") { minutes($0.firstResponse.p90.map(Double.init)) },
            row("resolution_median") { minutes($0.resolution.median) },
            row("resolution_p90") { minutes($0.resolution.p90.map(Double.init)) },
            row("response_attainment") { rate($0.responseAttainment) },
            row("resolution_attainment") { rate($0.resolutionAttainment) },
            row("resolution_rate") { rate($0.resolutionRate) }, row("reopen_rate") { rate($0.reopenRate) },
            row("first_contact") { rate($0.firstContactResolution) },
            row("satisfaction") { $0.satisfaction.meanScore.map { String(format: "%.2f", $0) } ?? "—" },
            row("satisfied") { rate($0.satisfaction.satisfied) },
            row("escalated_l2") { "\($0.escalations["L2"] ?? 0)" },
            row("escalated_l3") { "\($0.escalations["L3"] ?? 0)" },
        ]
        let types = TicketType.allCases.map {
            BarChart.Bar(label: t("ui.type.\($0.rawValue)", [:]), value: now.volume["type"]?[$0.rawValue] ?? 0)
        }
        let backlog = KPISet.ageBuckets.map {
            BarChart.Bar(label: t("ui.reports.age.\($0.key)", [:]), value: now.backlog[$0.key] ?? 0)
        }
        let causes = now.breachesByCause.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
            BarChart.Bar(
                label: $0.key == "unrecorded" ? t("ui.reports.cause_unrecorded", [:]) : $0.key, value: $0.value)
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
                name: Int64(key).map(views.groupName) ?? t("ui.reports.no_group", [:]), tickets: kpis.tickets,
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
        return ReportsPage(
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
            csvLink: "/reports/tracking.csv?" + range)
    }

    func rate(_ rate: Rate) -> String { rate.rate.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }

    func minutes(_ value: Double?) -> String { value.map { views.duration(Int($0.rounded())) } ?? "—" }

    static func iso(_ date: Date) -> String { JSONWriter.iso8601(date) }
}
