import Foundation
import HelpdeskCore
import HelpdeskUseCases

/// Turns one page of a figure's tickets into ``ReportTicketsPage``: the tracking table's
/// columns in the reader's language, times in the desk's zone, personal data already masked.
struct ReportTicketsView {
    let views: TicketViews
    let texts: TrackingTexts
    let zone: TimeZone

    /// `input` without its cursor: the page's own query, for the next page and the downloads.
    func page(_ result: TrackingPage?, input: TrackingInput, figure: String, error: String?) -> ReportTicketsPage {
        let from = input.from ?? Date(timeIntervalSince1970: 0)
        let until = input.until ?? from
        let groupId = input.filter.groupId
        func link(_ path: String) -> String {
            FigureLinks.href(path, from: from, until: until, groupId: groupId, figure: input.figure)
        }
        let rows = (result?.rows ?? []).map { row in
            ReportTicketsPage.Row(
                number: row.number,
                cells: [
                    time(row.submittedAt), row.description, row.priority.rawValue, row.group ?? "", row.engineer ?? "",
                    time(row.responseDueAt), time(row.respondedAt), time(row.resolvedAt),
                    texts.statuses[row.status] ?? "",
                    row.satisfaction.map(String.init) ?? "", row.remark ?? "",
                ], statusKey: row.status.rawValue)
        }
        // The period as dates: its last day is the day before `until`.
        let lastDay = until.addingTimeInterval(-1)
        var range = views.t(
            "ui.reports.tickets_range", ["from": day(from), "until": day(max(from, lastDay))])
        if let groupId { range += " · " + views.groupName(groupId) }
        let next = result?.nextCursor.map { link("/reports/tickets") + "&cursor=" + FigureLinks.escape($0) }
        return ReportTicketsPage(
            heading: figure, range: range, backLink: "/reports" + (groupId.map { "?groupId=\($0)" } ?? ""),
            columns: texts.titles, rows: rows, hasRows: !rows.isEmpty, next: next,
            csvLink: link("/reports/tracking.csv"), xlsxLink: link("/reports/tracking.xlsx"), error: error)
    }

    func time(_ date: Date?) -> String { date.map { LocalTimeText.format($0, in: zone) } ?? "" }

    func day(_ date: Date) -> String { String(LocalTimeText.format(date, in: zone).prefix(10)) }
}
