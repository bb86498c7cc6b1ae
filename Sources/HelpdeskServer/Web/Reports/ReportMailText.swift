import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases

/// A scheduled report as a plain-text e-mail in the subscriber's language: the same figures,
/// changes, group rows and breached tickets as the reports page (it is built from the page's
/// own model), each line readable in a mail client.
struct ReportMailText {
    let renderer: WebRenderer
    let directory: DirectoryService
    let now: @Sendable () -> Date
    /// Breached tickets listed in the mail; the rest are counted and a click away.
    static let overdueLines = 20

    func mail(_ run: ReportSubscriptionService.Run) async throws -> ReportMail? {
        guard let user = run.user, let address = user.email, let report = run.report else { return nil }
        let page = WebPage(reader: user, path: "/reports")
        let views = TicketViews(renderer: renderer, page: page, now: now(), names: try await directory.names())
        let kind: WebReportRoutes.Kind = report.period.kind == .week ? .week : .month
        let model = ReportsView(views: views, user: user, zone: run.timeZone).page(
            report, kind: kind, label: report.period.label, groupId: run.subscription.groupId, error: nil)
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { views.t(key, arguments) }
        var subject = t(
            "ui.reports.mail.subject",
            [
                "desk": t("ui.app.name"), "report": t("ui.reports.kind.\(kind.rawValue)"),
                "period": report.period.label,
            ])
        if let groupId = run.subscription.groupId { subject += " · " + views.groupName(groupId) }
        var lines = [model.periodTitle, ""]
        lines.append(t("ui.reports.kpis"))
        for row in model.rows {
            lines.append(
                t(
                    "ui.reports.mail.figure_line",
                    [
                        "label": row.label, "current": Self.text(row.current, t), "previous_label": model.previousLabel,
                        "previous": Self.text(row.previous, t), "change": row.change.isEmpty ? "—" : row.change,
                    ]))
        }
        if model.hasGroupRows {
            lines += ["", t("ui.reports.by_group")]
            for group in model.groupRows {
                lines.append(
                    t(
                        "ui.reports.mail.group_line",
                        [
                            "name": group.name, "tickets": group.tickets.text, "rate": group.resolutionRate,
                            "attainment": group.attainment, "median": group.medianResolution,
                        ]))
            }
        }
        lines += ["", t("ui.reports.overdue"), model.overdueNote]
        for ticket in model.overdue.prefix(Self.overdueLines) {
            lines.append(
                t(
                    "ui.reports.mail.overdue_line",
                    [
                        "number": ticket.number, "title": ticket.title, "priority": ticket.priority,
                        "missed": ticket.missed, "cause": ticket.cause, "handler": ticket.handler,
                    ]))
        }
        if model.hasMajorIncidents {
            lines += ["", t("ui.reports.major_incidents")]
            for major in model.majorIncidents {
                lines.append(
                    t(
                        "ui.reports.mail.major_line",
                        [
                            "number": major.number, "title": major.title, "priority": major.priority,
                            "status": major.status, "submitted": major.submitted,
                        ]))
            }
        }
        if model.hasRecurringProblems {
            lines += ["", t("ui.reports.recurring_problems")]
            for problem in model.recurringProblems {
                lines.append(
                    t(
                        "ui.reports.mail.problem_line",
                        [
                            "id": "\(problem.id)", "title": problem.title, "status": problem.status,
                            "tickets": problem.tickets,
                        ]))
            }
        }
        lines += ["", t("ui.reports.mail.footer")]
        return ReportMail(to: address, subject: subject, body: lines.joined(separator: "\n"))
    }

    /// `95.0 %（19 / 20）`, `32分钟（12 张）`: the figure with what it counts, as the page's cell shows it.
    static func text(_ cell: ReportsPage.Cell, _ t: (String, [String: String]) -> String) -> String {
        switch (cell.count, cell.of) {
        case (let count?, let of?):
            t("ui.reports.mail.cell", ["figure": cell.text, "count": "\(count.text) / \(of.text)"])
        case (let count?, nil): t("ui.reports.mail.cell", ["figure": cell.text, "count": count.text])
        default: cell.text
        }
    }
}
