import Foundation

extension SLAEngine {
    /// Fires every due timer, oldest first, and returns the changed ticket with one `.sla`
    /// event per timer, the moves it caused and the notices to send; nil when nothing was due.
    ///
    /// `history` is the ticket's event log; an escalation carries the steps already tried.
    /// The version is not bumped: the caller does, once per stored change.
    public static func fire(_ ticket: Ticket, rules: TicketRules, history: [TicketEvent], now: Date) -> TicketChange? {
        var change = TicketChange(ticket: ticket, events: [], notices: [])
        var fired = Set(ticket.firedTimers ?? [])
        // An effect can arm new timers (an escalation starts cadence); they fire in the same pass
        // when already due. Every pass fires at least one new key, so this ends.
        for _ in 0..<64 {
            let due = timers(for: change.ticket, rules: rules).filter { $0.at <= now && !fired.contains($0.key) }
            guard let timer = due.first else { break }
            fired.insert(timer.key)
            change.ticket.firedTimers = fired.sorted()
            apply(timer, to: &change, rules: rules, history: history, now: now)
        }
        guard fired != Set(ticket.firedTimers ?? []) else { return nil }
        return change
    }

    private static func apply(
        _ timer: SLATimer, to change: inout TicketChange, rules: TicketRules, history: [TicketEvent], now: Date
    ) {
        let ticket = change.ticket
        let due = timer.at.ISO8601Format()
        var data = ["timer": timer.kind.rawValue, "due": due]
        if let cadence = timer.cadence { data["cadence"] = cadence.rawValue }
        change.events.append(
            TicketEvent(kind: .sla, actor: .system, at: now, visibility: .internal, data: data))
        func tell(_ kind: NoticeKind, _ recipients: [Recipient], _ arguments: [String: String] = [:]) {
            var values = ["due": due]
            values.merge(arguments) { _, new in new }
            change.notices.append(Notice(kind, ticket: change.ticket, to: unique(recipients), at: now, values))
        }
        let supervisors: [Recipient] = [.role(.supervisor)]

        switch timer.kind {
        case .p0Alert:
            tell(.p0Alert, [.onDutyLead] + Recipient.staff(at: .l2, of: ticket))
        case .l1Escalation:
            let rule = rules.engine.coreBusinessPriorities.contains(ticket.priority) ? "core_business" : "l1_timeout"
            escalate(&change, rule: rule, rules: rules, history: history, now: now)
        case .responseWarning:
            tell(.responseWarning, Recipient.handler(of: ticket) + Recipient.lead(of: ticket))
        case .responseBreach:
            record(.response, timer.at, on: &change, now: now)
            tell(.responseBreach, supervisors + Recipient.handler(of: ticket) + Recipient.lead(of: ticket))
        case .resolutionWarning:
            tell(.resolutionWarning, Recipient.handler(of: ticket) + Recipient.lead(of: ticket))
        case .resolutionBreach:
            record(.resolution, timer.at, on: &change, now: now)
            let p0 = ticket.priority == .p0
            tell(.resolutionBreach, supervisors + Recipient.handler(of: ticket) + (p0 ? [.onDutyLead] : []))
            tell(.breachCauseNeeded, Recipient.handler(of: ticket))
            if rules.engine.escalateOnBreach, !p0, ticket.tier.next != nil {
                escalate(&change, rule: "resolution_breach", rules: rules, history: history, now: now)
            }
        case .hardLimitBreach:
            record(.hardLimit, timer.at, on: &change, now: now)
            tell(.hardLimitBreach, [.onDutyLead] + supervisors)
        case .receiptReminder:
            tell(.receiptReminder, Recipient.handler(of: ticket))
        case .intakeCheck:
            // The handler when someone took it, else the L1 staff of its group (or every L1).
            tell(.intakeCheck, ticket.assigneeId.map { [.user($0)] } ?? Recipient.staff(at: .l1, of: ticket))
        case .receiptOverdue:
            tell(.receiptOverdue, Recipient.lead(of: ticket) + supervisors)
        case .updateDue:
            tell(.updateDue, Recipient.handler(of: ticket), ["cadence": timer.cadence?.rawValue ?? ""])
        case .updateMissed:
            let extra: [Recipient] = timer.cadence == .p0 ? [.onDutyLead] : []
            tell(.updateMissed, supervisors + extra, ["cadence": timer.cadence?.rawValue ?? ""])
        case .followUp:
            tell(.followUp, Recipient.handler(of: ticket))
        case .reviewDue:
            tell(.reviewDue, supervisors)
        case .autoClose:
            var next = change.ticket
            next.status = .closed
            next.closedAt = now
            next.autoClosed = true
            next.sla = next.sla.applying(.status(at: now, to: .closed), policy: rules.policy, calendar: rules.calendar)
            next.updatedAt = now
            change.ticket = next
            change.events.append(
                TicketEvent(
                    kind: .transition, action: .close, fromStatus: ticket.status, toStatus: .closed, actor: .system,
                    at: now, data: ["rule": "auto_close"]))
            tell(.autoClosed, Recipient.requester(of: ticket) + Recipient.handler(of: ticket))
        case .archive:
            change = Archiving.archive(change, settings: rules.engine, now: now)
        case .collaborationOverdue:
            guard let index = change.ticket.collaborations?.firstIndex(where: { $0.id == timer.collaborationId }) else {
                return
            }
            change.ticket.collaborations?[index].flaggedAt = now
            let collaboration = change.ticket.collaborations![index]
            let lead = ticket.leadGroupId.map { [Recipient.groupLead($0)] } ?? supervisors
            tell(.collaborationOverdue, lead + Recipient.handler(of: ticket), ["contact": collaboration.contact])
        }
    }

    private static func record(_ target: SLABreach.Target, _ dueAt: Date, on change: inout TicketChange, now: Date) {
        change.ticket.breaches =
            (change.ticket.breaches ?? []) + [SLABreach(target: target, dueAt: dueAt, recordedAt: now)]
    }

    /// Up one tier into the next tier's queue, with the steps already tried carried along (R4.2).
    private static func escalate(
        _ change: inout TicketChange, rule: String, rules: TicketRules, history: [TicketEvent], now: Date
    ) {
        let ticket = change.ticket
        // A solution waiting for its check (R5.1) stays where it is: escalating would drop it.
        guard let tier = ticket.tier.next, ticket.status.isOpen, ticket.status != .verifying else { return }
        var next = ticket
        next.tier = tier
        next.assigneeId = nil
        next.assignedAt = nil
        next.status = .new
        if var approval = ticket.approval, approval.status == .pending {
            // A pending approval goes up with the ticket (R4.8), as in a manual escalation.
            approval.resumeStatus = .new
            next.approval = approval
            next.status = .blocked
        }
        if next.status != ticket.status {
            next.sla = next.sla.applying(.status(at: now, to: .new), policy: rules.policy, calendar: rules.calendar)
        }
        next.updatedAt = now
        change.ticket = next
        // The steps tried: every work-log entry so far, oldest first.
        let steps = history.filter { $0.kind == .worklog }.map {
            "\($0.at.ISO8601Format()) \($0.actorName): \($0.body ?? "")"
        }
        var data = ["tier": tier.rawValue, "rule": rule]
        if let previous = ticket.assigneeId { data["from_assignee_id"] = String(previous) }
        change.events.append(
            TicketEvent(
                kind: .transition, action: .escalate, fromStatus: ticket.status, toStatus: next.status, actor: .system,
                at: now,
                body: steps.isEmpty ? nil : steps.joined(separator: "\n"), visibility: .internal, data: data))
        let previous = ticket.assigneeId.map { [Recipient.user($0)] } ?? []
        change.notices.append(
            Notice(
                .escalated, ticket: next, to: unique(Recipient.staff(at: tier, of: next) + previous), at: now,
                ["tier": tier.rawValue, "rule": rule]))
    }

    static func unique(_ recipients: [Recipient]) -> [Recipient] {
        var seen: Set<Recipient> = []
        return recipients.filter { seen.insert($0).inserted }
    }
}
