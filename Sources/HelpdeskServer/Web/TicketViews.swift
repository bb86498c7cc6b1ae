import Foundation
import HelpdeskCore
import HelpdeskStore

/// Turns domain values into the values page models carry, in the page's language.
/// Personal data goes through the same masking as the API (`Access.presented`,
/// `TicketSummary.requesterName(for:)`).
struct TicketViews {
    let renderer: WebRenderer
    let page: WebPage
    let now: Date
    /// Directory names for ids, loaded once per page.
    let users: [Int64: User]
    let groups: [Int64: SupportGroup]
    let categories: [Int64: TicketCategory]

    func t(_ key: String, _ arguments: [String: String] = [:]) -> String { renderer.text(key, page, arguments) }

    func time(_ date: Date?, _ calendar: BusinessCalendar) -> String {
        guard let date else { return "" }
        return TimeFormatting.local(date, calendar)
    }

    func groupName(_ id: Int64?) -> String {
        guard let id, let group = groups[id] else { return "" }
        return page.locale == "en" ? group.nameEn ?? group.name : group.name
    }

    func categoryName(_ id: Int64?) -> String {
        guard let id, let category = categories[id] else { return "" }
        return page.locale == "en" ? category.nameEn ?? category.name : category.name
    }

    func userName(_ id: Int64?) -> String {
        guard let id else { return "" }
        return users[id]?.displayName ?? "#\(id)"
    }

    /// `1h 05m` / `1小时05分`.
    func duration(_ minutes: Int) -> String {
        let value = abs(minutes)
        let days = value / (24 * 60)
        let hours = (value % (24 * 60)) / 60
        let rest = value % 60
        if days > 0 { return t("ui.duration.dhm", ["d": "\(days)", "h": "\(hours)", "m": "\(rest)"]) }
        if hours > 0 { return t("ui.duration.hm", ["h": "\(hours)", "m": "\(rest)"]) }
        return t("ui.duration.m", ["m": "\(rest)"])
    }

    /// The SLA cell of a queue row or ticket: the target that runs now, its remaining time and
    /// a class for colour (`sla-ok`, `sla-warn` within the last hour, `sla-breach`).
    func sla(_ state: SLAState, status: TicketStatus, calendar: BusinessCalendar) -> SLACell {
        let responding = state.respondedAt == nil
        let remaining = responding ? state.responseRemainingMinutes : state.resolutionRemainingMinutes
        let due = responding ? state.responseDueAt : state.resolutionDueAt
        let breached = responding ? state.responseBreached : state.resolutionBreached || state.hardLimitBreached
        let cssClass: String
        let text: String
        if !status.isOpen {
            cssClass = breached ? "sla-breach" : "sla-done"
            text = t(breached ? "ui.sla.breached" : "ui.sla.met")
        } else if state.paused {
            cssClass = "sla-paused"
            text = t("ui.sla.paused", ["time": duration(remaining)])
        } else if breached || remaining < 0 {
            cssClass = "sla-breach"
            text = t("ui.sla.over", ["time": duration(remaining)])
        } else {
            cssClass = remaining <= 60 ? "sla-warn" : "sla-ok"
            text = t("ui.sla.left", ["time": duration(remaining)])
        }
        return SLACell(
            target: t(responding ? "ui.sla.response" : "ui.sla.resolution"), due: time(due, calendar), class: cssClass,
            text: text)
    }

    func row(_ summary: TicketSummary, rules: TicketRules) -> QueueRow {
        let state = summary.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        return QueueRow(
            number: summary.number, title: summary.title, priority: summary.priority.rawValue,
            priorityLabel: t("ui.priority.\(summary.priority.rawValue)"),
            status: t("status.\(summary.status.rawValue)"), statusKey: summary.status.rawValue,
            tier: summary.tier.rawValue,
            requester: summary.requesterName(for: page.user!.actor), assignee: userName(summary.assigneeId),
            group: groupName(summary.groupId), submitted: time(summary.submittedAt, rules.calendar),
            sla: sla(state, status: summary.status, calendar: rules.calendar), breachCause: summary.breachCause)
    }

    /// One history entry, as `TicketService.history` presented it (names masked per R9.2).
    func event(_ event: TicketEvent, calendar: BusinessCalendar) -> EventRow {
        let actor = event.actorId == Principal.system.id ? t("ui.actor.system") : event.actorName
        var to: String?
        let what: String
        switch event.kind {
        case .transition:
            to = event.toStatus.map { t("status.\($0.rawValue)") }
            if event.data["out_of_scope"] == "true" {
                what = t("ui.event.out_of_scope")
            } else if let level = event.data["level"], let score = event.data["score"] {
                what = t("ui.event.rated", ["level": t("ui.satisfaction.\(level)"), "score": score])
            } else {
                what = t("action.\(event.action?.rawValue ?? "")")
            }
        case .created:
            what =
                event.data["matrix_version"].map { t("ui.event.created_matrix", ["version": $0]) }
                ?? t("ui.event.created")
        case .worklog: what = t(event.visibility == .internal ? "ui.event.internal_note" : "ui.event.reply")
        case .workaround: what = t("action.workaround")
        case .priorityChanged:
            let values = ["from": event.data["from"] ?? "", "to": event.data["to"] ?? ""]
            what =
                event.data["matrix_version"].map {
                    t("ui.event.priority_matrix", values.merging(["version": $0]) { $1 })
                } ?? t("ui.event.priority", values)
        case .informationChecked: what = t("ui.event.information_checked")
        case .categoryChanged: what = t("action.category")
        case .sla: what = t("ui.timer.\(event.data["timer"] ?? "")")
        case .extension: what = t("ui.event.extension.\(event.data["status"] ?? "pending")")
        case .breachCause: what = t("action.breach_cause")
        case .collaboration: what = t("action.collaboration")
        case .approval: what = t("ui.event.approval.\(event.data["status"] ?? "pending")")
        case .majorIncident:
            what = t(event.data["retrospective"] == nil ? "action.major_incident" : "ui.retro.recorded")
        case .infoRequest:
            let fields = (event.data["fields"] ?? event.data["provided"] ?? "").split(separator: ",")
                .map { t("detail.\($0)") }.joined(separator: page.locale == "en" ? ", " : "、")
            what = t(event.data["fields"] != nil ? "ui.info.asked" : "ui.info.given", ["fields": fields])
            to = event.toStatus.map { t("status.\($0.rawValue)") }
        case .plan: what = t("ui.plan.recorded", ["kind": t("ui.plan.kind.\(event.data["plan"] ?? "")")])
        case .attachment:
            let files = (event.data["files"] ?? "").split(separator: "\n").joined(
                separator: page.locale == "en" ? ", " : "、")
            what = t("ui.event.attachment", ["files": files])
        }
        return EventRow(
            at: time(event.at, calendar), actor: actor, internal: event.visibility == .internal, what: what, to: to,
            reason: event.reason, body: event.body)
    }

    /// Options of a `<select>`, marking the selected value.
    static func options(_ pairs: [(String, String)], selected: String?) -> [SelectOption] {
        pairs.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == selected) }
    }

    /// The supported languages, each named in itself and marked with its `lang`; `auto` first when given.
    static func languageOptions(auto: String? = nil, selected: String) -> [SelectOption] {
        let automatic = auto.map { [SelectOption(value: "", label: $0, selected: selected.isEmpty)] } ?? []
        return automatic
            + [("zh-CN", "中文"), ("en", "English")].map {
                SelectOption(value: $0.0, label: $0.1, selected: $0.0 == selected, lang: $0.0)
            }
    }
}
