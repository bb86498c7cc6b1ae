import Foundation
import HelpdeskCore

extension TicketViews {
    /// The review page in the page's language, times in the ticket's calendar.
    func review(
        _ review: TicketReview, of ticket: Ticket, actions: [WorkflowAction], calendar: BusinessCalendar
    ) -> ReviewPage {
        func figure(_ key: String, _ value: TicketReview.Figure) -> ReviewPage.Figure {
            ReviewPage.Figure(
                name: t("ui.timeline.target.\(key)"),
                target: "\(duration(value.targetMinutes)) (\(t("ui.sla.mode.\(value.mode.rawValue)")))",
                used: duration(value.usedMinutes), due: time(value.dueAt, calendar), at: time(value.at, calendar),
                met: value.met, result: t(value.met ? "ui.sla.met" : "ui.sla.breached"))
        }
        let figures =
            [figure("response", review.response), figure("resolution", review.resolution)]
            + (review.hardLimit.map { [figure("hard_limit", $0)] } ?? [])
        let pauses = review.pauses.map { pause in
            ReviewPage.Line(
                text: t(
                    "ui.review.pause",
                    [
                        "from": time(pause.start, calendar), "to": time(pause.end, calendar),
                        "duration": duration(pause.minutes),
                    ]))
        }
        let breaches = review.breaches.map { breach in
            ReviewPage.Line(
                text: t(
                    "ui.timeline.breached",
                    ["target": t("ui.timeline.target.\(breach.target.rawValue)"), "at": time(breach.dueAt, calendar)]))
        }
        let confirmation =
            review.confirmedAt.map { t("ui.review.confirmed_at", ["at": time($0, calendar)]) }
            ?? t(review.autoClosed ? "ui.review.auto_closed" : "ui.review.not_confirmed")
        let verification = review.verification.flatMap { check in
            check.verifiedAt.map {
                t(
                    "ui.review.verified",
                    ["by": check.verifierName ?? userName(check.verifierId), "at": time($0, calendar)])
            }
        }
        let done = review.closedAt != nil
        return ReviewPage(
            number: ticket.number, version: ticket.version, ticketTitle: ticket.title,
            status: t("status.\(ticket.status.rawValue)"), statusKey: ticket.status.rawValue,
            priority: ticket.priority.rawValue, solution: review.solution ?? "", rootCause: review.rootCause,
            workaround: review.workaround, verification: verification, figures: figures, pauses: pauses,
            pausedTotal: review.pausedMinutes > 0 ? duration(review.pausedMinutes) : nil, breaches: breaches,
            breachCause: review.breachCause,
            satisfaction: review.satisfaction.map {
                "\(t("ui.satisfaction.\($0.level.rawValue)")) · \($0.score)/5"
            },
            satisfactionComment: review.satisfaction?.comment, confirmation: confirmation,
            reviewDue: time(review.reviewDueAt, calendar),
            reviewOverdue: !done && review.reviewDueAt.map { now > $0 } == true,
            reviewed: review.reviewedAt.map {
                t("ui.review.reviewed_at", ["by": review.reviewedBy ?? "", "at": time($0, calendar)])
            },
            closed: review.closedAt.map { time($0, calendar) },
            actions: actions.filter { $0 == .review || $0 == .close }.map {
                ReviewPage.Action(
                    action: $0.rawValue, label: t("action.\($0.rawValue)"),
                    reasonRequired: Workflow.requiresReason($0, on: ticket))
            },
            hasActions: actions.contains { $0 == .review || $0 == .close })
    }
}
