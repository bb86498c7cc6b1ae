import Foundation
import HelpdeskCore

extension TicketViews {
    /// The needs-info part as this user sees it; nil when there is nothing to show or do.
    func infoRequest(of ticket: Ticket, for user: User, calendar: BusinessCalendar, canAct: Bool)
        -> InfoRequestSection?
    {
        let actor = user.actor
        let canRequest = canAct && InfoRequests.mayRequest(ticket, by: actor)
        let canProvide = canAct && InfoRequests.mayProvide(ticket, by: actor)
        guard ticket.infoRequest != nil || canRequest else { return nil }
        let missing = Set(ticket.missingDetails)
        let asked = ticket.infoRequest?.fields ?? []
        return InfoRequestSection(
            pending: ticket.infoRequest != nil, askedBy: ticket.infoRequest?.requestedByName ?? "",
            askedAt: time(ticket.infoRequest?.requestedAt, calendar),
            askedLabels: asked.map { t("detail.\($0)") }.joined(separator: page.locale == "en" ? ", " : "、"),
            note: ticket.infoRequest?.note ?? "", canRequest: canRequest,
            choices: ticket.type.requiredDetails.map {
                InfoRequestSection.Field(key: $0, label: t("detail.\($0)"), checked: missing.contains($0), value: "")
            },
            canProvide: canProvide,
            answers: asked.map {
                InfoRequestSection.Field(
                    key: $0, label: t("detail.\($0)"), checked: false, value: ticket.details[$0] ?? "")
            })
    }
}
