import Foundation
import HelpdeskCore

extension TicketViews {
    /// The timeline section from the engine's explanation, in the page's language.
    func timeline(_ explanation: SLAExplanation, events: [TicketEvent], calendar: BusinessCalendar)
        -> SLATimelineSection
    {
        let state = explanation.state
        let start = explanation.openedAt
        let instants =
            [now, state.responseDueAt] + [state.resolutionDueAt].compactMap { $0 }
            + explanation.breaches.map(\.recordedAt) + explanation.upcoming.prefix(3).map(\.at)
        let end = max(instants.max() ?? now, start.addingTimeInterval(3600))
        let span = end.timeIntervalSince(start)
        func x(_ date: Date) -> Int { Int((date.timeIntervalSince(start) / span * 1000).rounded()).clamped(0, 1000) }
        func shape(_ period: SLAExplanation.Period, _ kind: String, _ label: String) -> SLATimelineSection.Span {
            let left = x(period.start)
            let right = x(period.end ?? now)
            return .init(x: left, width: max(1, right - left), kind: kind, label: label)
        }
        func local(_ date: Date) -> String { time(date, calendar) }
        var spans = explanation.counted.map {
            shape(
                $0, "counted",
                t("ui.timeline.counted_span", ["from": local($0.start), "minutes": duration($0.minutes)]))
        }
        var lines: [String] = []
        for pause in explanation.pauses {
            let status = events.last { $0.at <= pause.start && $0.toStatus != nil }?.toStatus ?? .waitingOnRequester
            let why = t("status.\(status.rawValue)")
            let text = t("ui.timeline.paused", ["duration": duration(pause.minutes), "why": why])
            spans.append(shape(pause, "paused", text))
            lines.append(text + (pause.end == nil ? t("ui.timeline.still_paused") : ""))
        }
        for interval in explanation.resolvedIntervals {
            spans.append(
                shape(interval, "resolved", t("ui.timeline.resolved_span", ["duration": duration(interval.minutes)])))
        }
        var marks: [SLATimelineSection.Mark] = [
            .init(
                x: x(state.responseDueAt), kind: "due",
                label: t("ui.timeline.response_due", ["at": local(state.responseDueAt)]))
        ]
        if let due = state.resolutionDueAt {
            marks.append(.init(x: x(due), kind: "due", label: t("ui.timeline.resolution_due", ["at": local(due)])))
        }
        marks += explanation.breaches.map {
            .init(
                x: x($0.dueAt), kind: "breach",
                label: t(
                    "ui.timeline.breached",
                    ["target": t("ui.timeline.target.\($0.target.rawValue)"), "at": local($0.dueAt)]))
        }
        marks.append(.init(x: x(now), kind: "now", label: t("ui.timeline.now", ["at": local(now)])))

        lines.insert(
            state.respondedAt.map { t("ui.timeline.responded", ["at": local($0)]) }
                ?? t(
                    state.responseRemainingMinutes >= 0 ? "ui.timeline.response_left" : "ui.timeline.response_late",
                    ["duration": duration(state.responseRemainingMinutes), "at": local(state.responseDueAt)]),
            at: 0)
        if let due = state.resolutionDueAt {
            lines.insert(
                t(
                    state.resolvedAt != nil
                        ? "ui.timeline.resolution_met"
                        : state.resolutionRemainingMinutes >= 0
                            ? "ui.timeline.resolution_left" : "ui.timeline.resolution_late",
                    [
                        "counted": duration(explanation.countedMinutes), "at": local(due),
                        "duration": duration(state.resolutionRemainingMinutes),
                    ]), at: 1)
        }
        for request in explanation.extensions where request.status == .approved {
            lines.append(
                t(
                    "ui.timeline.extended",
                    [
                        "from": local(request.originalDueAt), "to": local(request.requestedDueAt),
                        "by": request.decidedByName ?? "",
                    ]))
        }
        for breach in explanation.breaches {
            lines.append(
                t(
                    "ui.timeline.breached",
                    ["target": t("ui.timeline.target.\(breach.target.rawValue)"), "at": local(breach.dueAt)]))
        }
        if let cause = explanation.breachCause { lines.append(t("ui.timeline.cause", ["cause": cause])) }
        let upcoming = explanation.upcoming.prefix(5).map { "\(local($0.at)) \(t("ui.timer.\($0.timer)"))" }
        return SLATimelineSection(
            description: lines.joined(separator: " "), spans: spans, marks: marks, startLabel: local(start),
            endLabel: local(end), lines: lines, upcoming: Array(upcoming), hasUpcoming: !upcoming.isEmpty)
    }

    /// The extension requests and the forms this user may use on them.
    func extensions(of ticket: Ticket, for user: User, calendar: BusinessCalendar) -> ExtensionsSection {
        let mayDecide = user.role == .supervisor || user.role == .admin
        let requests = (ticket.extensions ?? []).map { request in
            ExtensionsSection.Request(
                id: request.id, by: request.requestedByName, at: time(request.requestedAt, calendar),
                dueAt: time(request.requestedDueAt, calendar), originalDueAt: time(request.originalDueAt, calendar),
                reason: request.reason, status: t("ui.extension.\(request.status.rawValue)"),
                decision: request.decidedByName.map {
                    [$0, request.decisionNote ?? ""].filter { !$0.isEmpty }.joined(separator: t("ui.punct.colon"))
                },
                canDecide: mayDecide && request.status == .pending)
        }
        let pending = requests.contains { $0.canDecide } || (ticket.extensions ?? []).contains { $0.status == .pending }
        return ExtensionsSection(
            requests: requests,
            canRequest: ticket.status.isOpen && ticket.assigneeId == user.id && !pending)
    }
}

extension Int {
    fileprivate func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}
