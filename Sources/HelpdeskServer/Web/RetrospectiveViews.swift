import Foundation
import HelpdeskCore

extension TicketViews {
    /// The retrospective page in the page's language, times in the ticket's calendar; the
    /// figures are the review page's own (``review(_:of:actions:calendar:)``).
    func retrospective(
        _ retro: IncidentRetrospective, of ticket: Ticket, calendar: BusinessCalendar, error: String? = nil,
        draft: (rootCause: String, preventiveActions: String)? = nil
    ) -> RetrospectivePage {
        let reviewed = retro.review.map { review($0, of: ticket, actions: [], calendar: calendar) }
        var summary = [
            ReviewPage.Line(text: t("ui.retro.submitted", ["at": time(retro.submittedAt, calendar)])),
            ReviewPage.Line(
                text: retro.declaredAt.map { t("ui.retro.declared", ["at": time($0, calendar)]) }
                    ?? t("ui.retro.declared_unknown")),
            ReviewPage.Line(
                text: retro.resolvedAt.map {
                    t("ui.retro.resolved", ["at": time($0, calendar), "elapsed": duration(retro.elapsedMinutes)])
                } ?? t("ui.retro.open", ["elapsed": duration(retro.elapsedMinutes)])),
            ReviewPage.Line(
                text: t(
                    "ui.retro.reach",
                    [
                        "linked": String(retro.linked.count), "requesters": String(retro.affectedRequesters),
                        "broadcasts": String(retro.broadcasts),
                    ])),
        ]
        if let system = retro.affectedSystem {
            summary.append(ReviewPage.Line(text: t("ui.retro.system", ["system": system])))
        }
        let timeline = retro.timeline.map { moment in
            RetrospectivePage.Moment(
                at: time(moment.at, calendar), what: t("ui.retro.moment.\(moment.kind.rawValue)"),
                by: moment.actor.isEmpty ? nil : moment.actor,
                text: moment.kind == .escalated
                    ? moment.text.map { t("ui.retro.escalated_to", ["tier": $0]) } : moment.text)
        }
        let rootCause = draft?.rootCause ?? retro.rootCause ?? ""
        let preventive = draft?.preventiveActions ?? retro.preventiveActions ?? ""
        return RetrospectivePage(
            number: retro.number, version: ticket.version, ticketTitle: retro.title,
            priority: retro.priority.rawValue, status: t("status.\(retro.status.rawValue)"),
            statusKey: retro.status.rawValue, summary: summary, description: retro.description,
            figures: reviewed?.figures ?? [], hasFigures: reviewed != nil, breaches: reviewed?.breaches ?? [],
            breachCause: reviewed?.breachCause, timeline: timeline,
            linked: retro.linked.map {
                RetrospectivePage.Linked(
                    number: $0.number, linkedTitle: $0.title, status: t("status.\($0.status.rawValue)"))
            },
            hasLinked: !retro.linked.isEmpty, workaround: retro.workaround, solution: retro.solution,
            rootCause: rootCause, preventiveActions: preventive,
            hasConclusions: retro.rootCause != nil || retro.preventiveActions != nil,
            printedAt: t("ui.retro.printed_at", ["at": time(now, calendar)]), error: error)
    }
}
