import Foundation

/// Makes deadlines act (R3.4–R3.6, R4.2–R4.3, R4.7, R5.4–R5.5). Pure: which timed events a ticket
/// has, and what firing the due ones does. The scheduler stores the fired keys with the ticket
/// in the same transaction as the effects, so each event fires once, late if the desk was down.
public enum SLAEngine {
    /// Every timed event the ticket has in its current state, fired or not, in time order.
    public static func timers(for ticket: Ticket, rules: TicketRules) -> [SLATimer] {
        var timers: [SLATimer] = []
        func add(
            _ kind: SLATimer.Kind, _ key: String, _ at: Date?, cadence: SLATimer.Cadence? = nil,
            collaboration: Int? = nil
        ) {
            guard let at, at < .distantFuture else { return }
            timers.append(SLATimer(kind, key: key, at: at, cadence: cadence, collaborationId: collaboration))
        }
        let settings = rules.engine
        let calendar = rules.calendar
        let sla = ticket.sla
        let warning = Double(settings.warningPercent) / 100
        let priority = ticket.priority.rawValue
        let wall = rules.policy.targets(for: ticket.priority)?.resolution.mode == .continuous
        func later(_ seconds: Int, _ start: Date) -> Date {
            wall
                ? start.addingTimeInterval(TimeInterval(seconds))
                : calendar.adding(businessSeconds: TimeInterval(seconds), to: start)
        }

        if ticket.status.isOpen {
            if ticket.priority == .p0 { add(.p0Alert, "p0_alert", sla.openedAt) }
            // Not while a solution waits for its check (R5.1): the rule applies again if it fails.
            if ticket.tier == .l1, ticket.status != .verifying {
                // Core business leaves L1 at once; the rest after L1's minutes of the resolution
                // clock, so time waiting on the requester (or blocked, when it pauses) does not count.
                let core = settings.coreBusinessPriorities.contains(ticket.priority)
                let l1Time = SLATarget.minutes(settings.l1EscalationMinutes, mode: wall ? .continuous : .business)
                add(
                    .l1Escalation, "l1_escalation",
                    core ? sla.openedAt : sla.runningInstant(of: l1Time, calendar: calendar))
            }
            if sla.respondedAt == nil {
                let policy = rules.policy
                add(
                    .responseWarning, "response_warning.\(priority)",
                    sla.responseInstant(fraction: warning, policy: policy, calendar: calendar))
                add(
                    .responseBreach, "response_breach.\(priority)",
                    sla.responseInstant(fraction: 1, policy: policy, calendar: calendar))
            }
            let generation = "\(priority).\(ticket.extensions?.filter { $0.status == .approved }.count ?? 0)"
            add(
                .resolutionWarning, "resolution_warning.\(generation)",
                sla.resolutionInstant(fraction: warning, policy: rules.policy, calendar: calendar))
            add(
                .resolutionBreach, "resolution_breach.\(generation)",
                sla.resolutionInstant(fraction: 1, policy: rules.policy, calendar: calendar))
            add(
                .hardLimitBreach, "hard_limit.\(priority)",
                sla.hardLimitInstant(policy: rules.policy, calendar: calendar))

            add(.intakeCheck, "intake_check", Registration.informationCheckDue(for: ticket, calendar: calendar))
            if ticket.status == .assigned, let assignedAt = ticket.assignedAt {
                let base = "receipt.\(Int64(assignedAt.timeIntervalSince1970))"
                let reminder = later(settings.receiptHours * 3600, assignedAt)
                add(.receiptReminder, base + ".reminder", reminder)
                add(.receiptOverdue, base + ".overdue", later(settings.receiptEscalationHours * 3600, reminder))
            }
            addCadence(ticket, rules, later: later, add: { add($0, $1, $2, cadence: $3) })
            for c in ticket.collaborations ?? [] where c.answeredAt == nil && c.flaggedAt == nil {
                add(.collaborationOverdue, "collaboration.\(c.id)", c.dueAt, collaboration: c.id)
            }
        }
        if ticket.status == .resolved, let resolvedAt = sla.resolvedAt {
            let base = Int64(resolvedAt.timeIntervalSince1970)
            add(
                .followUp, "follow_up.\(base)",
                calendar.adding(businessSeconds: TimeInterval(settings.followUpHours * 3600), to: resolvedAt))
            let days = TimeInterval(settings.autoCloseWorkingDays * calendar.workingDayMinutes * 60)
            add(.autoClose, "auto_close.\(base)", calendar.adding(businessSeconds: days, to: resolvedAt))
        }
        // R5.5: review and close within the set working minutes of resolution, or the
        // supervisors are reminded; once per resolution, whether confirmed or reviewed since.
        let awaitingClose: Set<TicketStatus> = [.resolved, .confirmed, .reviewed]
        if awaitingClose.contains(ticket.status), let resolvedAt = sla.resolvedAt {
            add(
                .reviewDue, "review_due.\(Int64(resolvedAt.timeIntervalSince1970))",
                calendar.adding(businessSeconds: TimeInterval(settings.reviewMinutes * 60), to: resolvedAt))
        }
        if ticket.status == .closed, let closedAt = ticket.closedAt {
            let days = TimeInterval(settings.archiveWorkingDays * calendar.workingDayMinutes * 60)
            add(
                .archive, "archive.\(Int64(closedAt.timeIntervalSince1970))",
                calendar.adding(businessSeconds: days, to: closedAt))
        }
        return timers.sorted { $0.at < $1.at }
    }

    /// Timers not fired yet, in time order: the plan a write stores the first of, and whose due
    /// ones it fires.
    public static func unfired(for ticket: Ticket, rules: TicketRules) -> [SLATimer] {
        let fired = Set(ticket.firedTimers ?? [])
        return timers(for: ticket, rules: rules).filter { !fired.contains($0.key) }
    }

    /// Timers not fired yet whose moment has come.
    public static func dueTimers(for ticket: Ticket, rules: TicketRules, now: Date) -> [SLATimer] {
        unfired(for: ticket, rules: rules).filter { $0.at <= now }
    }

    /// The next moment the scheduler must look at the ticket; nil when nothing is pending.
    public static func nextTimer(for ticket: Ticket, rules: TicketRules) -> Date? {
        unfired(for: ticket, rules: rules).first?.at
    }

    /// Progress cadence (R3.6) for tickets someone works on.
    private static func addCadence(
        _ ticket: Ticket, _ rules: TicketRules, later: (Int, Date) -> Date,
        add: (SLATimer.Kind, String, Date?, SLATimer.Cadence) -> Void
    ) {
        let worked: Set<TicketStatus> = [.inProgress, .waitingOnRequester, .blocked]
        guard worked.contains(ticket.status), ticket.assigneeId != nil else { return }
        let settings = rules.engine
        let calendar = rules.calendar
        let started = ticket.assignedAt ?? ticket.sla.openedAt
        let last = max(ticket.lastUpdateAt ?? started, started)
        func stamp(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970)) }

        if ticket.priority == .p0 {
            let step = TimeInterval(settings.p0UpdateMinutes * 60)
            let due = last.addingTimeInterval(step)
            add(.updateDue, "update.p0.\(stamp(due))", due, .p0)
            add(.updateMissed, "update.p0.\(stamp(due)).missed", due.addingTimeInterval(step), .p0)
        }
        if ticket.tier >= .l2, ticket.status != .waitingOnRequester {
            let base = max(ticket.lastPublicUpdateAt ?? started, started)
            let due = later(settings.l2UpdateHours * 3600, base)
            add(.updateDue, "update.requester.\(stamp(due))", due, .requester)
            add(
                .updateMissed, "update.requester.\(stamp(due)).missed", later(settings.l2UpdateHours * 3600, due),
                .requester)
        }
        // Each working day before the cutoff: the day after the last update is the next one due.
        guard let day = calendar.nextWorkingDay(after: calendar.localDate(of: last)) else { return }
        let due = calendar.instant(on: day, at: settings.dailyUpdateCutoff)
        add(.updateDue, "update.daily.\(day)", due, .daily)
        // Still nothing an hour into the next working day: the supervisor is told.
        if let next = calendar.nextWorkingDay(after: day) {
            let morning = calendar.adding(businessSeconds: 3600, to: calendar.instant(on: next, at: .midnight))
            add(.updateMissed, "update.daily.\(day).missed", morning, .daily)
        }
    }
}
