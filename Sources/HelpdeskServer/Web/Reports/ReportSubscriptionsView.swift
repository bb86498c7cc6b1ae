import Foundation
import HelpdeskCore
import HelpdeskStore

/// Builds the reports page's 定时发送 section in the reader's language.
struct ReportSubscriptionsView {
    let views: TicketViews
    let user: User
    let zone: TimeZone

    /// Monday first, as ``ReportSchedule/weekday`` counts.
    static let weekdayKeys = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    func section(_ subscriptions: [ReportSubscription], draft: ReportSubscriptionDraft, error: String?)
        -> ReportSubscriptionsSection
    {
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { views.t(key, arguments) }
        let items = subscriptions.map { subscription in
            ReportSubscriptionsSection.Item(
                id: subscription.id, text: describe(subscription),
                next: t(
                    "ui.reports.subscriptions.next", ["time": LocalTimeText.format(subscription.nextRunAt, in: zone)]),
                last: subscription.lastPeriod.map { t("ui.reports.subscriptions.last", ["period": $0]) })
        }
        let email = user.email.flatMap { EmailAddress.isValid($0) ? $0 : nil }
        return ReportSubscriptionsSection(
            intro: email.map { t("ui.reports.subscriptions.intro", ["email": $0]) }
                ?? t("ui.reports.subscriptions.no_email"),
            hasEmail: email != nil, items: items, hasItems: !items.isEmpty,
            kinds: TicketViews.options(
                ["weekly", "monthly"].map { ($0, t("ui.reports.subscriptions.kind.\($0)")) }, selected: draft.kind),
            weekdays: TicketViews.options(
                Self.weekdayKeys.enumerated().map { (String($0.offset + 1), t("ui.weekday.\($0.element)")) },
                selected: String(draft.weekday)),
            days: TicketViews.options((1...28).map { (String($0), String($0)) }, selected: String(draft.dayOfMonth)),
            time: draft.time,
            groups: views.reportGroupOptions(selected: draft.groupId),
            choosesGroup: user.role.seesAllTickets, error: error)
    }

    /// `每周一 09:00 发送周报（开发组）`.
    func describe(_ subscription: ReportSubscription) -> String {
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { views.t(key, arguments) }
        let schedule = subscription.schedule
        var text =
            schedule.kind == .week
            ? t(
                "ui.reports.subscriptions.weekly",
                [
                    "weekday": t("ui.weekday.\(Self.weekdayKeys[((schedule.weekday ?? 1) - 1) % 7])"),
                    "time": schedule.timeText,
                ])
            : t(
                "ui.reports.subscriptions.monthly",
                ["day": String(schedule.dayOfMonth ?? 1), "time": schedule.timeText])
        if let groupId = subscription.groupId {
            text += t("ui.reports.subscriptions.of_group", ["group": views.groupName(groupId)])
        }
        return text
    }
}
