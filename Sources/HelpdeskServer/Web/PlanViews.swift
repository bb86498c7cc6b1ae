import Foundation
import HelpdeskCore

extension TicketViews {
    /// The plan as this user sees it (`ticket` is already presented: a requester never gets an
    /// internal plan); nil when there is neither a plan nor a form to show.
    func plan(of ticket: Ticket, for user: User, calendar: BusinessCalendar, canRecord: Bool) -> PlanSection? {
        let mayRecord = canRecord && HandlingPlans.mayRecord(ticket, by: user.actor)
        guard ticket.plan != nil || mayRecord else { return nil }
        let current = ticket.plan.map { plan in
            let kind = t("ui.plan.kind.\(plan.kind.rawValue)")
            let sentence =
                plan.eta.map { t("ui.plan.sentence_eta", ["kind": kind, "eta": time($0, calendar)]) }
                ?? t("ui.plan.sentence", ["kind": kind])
            return PlanSection.Current(
                kind: kind, sentence: sentence, steps: plan.steps, support: user.role.isStaff ? plan.support ?? "" : "",
                staffOnly: plan.visibility == .internal, by: plan.authorName, at: time(plan.recordedAt, calendar))
        }
        return PlanSection(
            current: current, canRecord: mayRecord,
            kinds: TicketViews.options(
                HandlingPlan.Kind.allCases.map { ($0.rawValue, t("ui.plan.kind.\($0.rawValue)")) },
                selected: ticket.plan?.kind.rawValue),
            steps: ticket.plan?.steps ?? "", support: ticket.plan?.support ?? "",
            isPublic: ticket.plan?.visibility == .public)
    }
}
