import Foundation
import HelpdeskCore

/// How a generated ticket was handled before it was closed (`helpdesk generate`): assigned to
/// an engineer of its group, answered, sometimes waiting on the requester, escalated or reopened,
/// resolved, rated, and closed; the SLA clock follows every step, so the reports count response
/// and resolution times, attainment, breaches with their causes and satisfaction as they would
/// on a desk that had lived through it. `uniform` gives numbers in [0, 1).
struct GeneratedHistory {
    let rules: TicketRules
    let engineers: [User]
    let uniform: () -> Double

    static let breachCauses = ["等待厂商", "等待用户回复", "备件缺货", "需求变更", "跨部门协调"]

    func chance(_ probability: Double) -> Bool { uniform() < probability }

    func pick<T>(_ items: [T]) -> T { items[min(items.count - 1, Int(uniform() * Double(items.count)))] }

    /// Minutes from `low` to `high`, most of them near `low`.
    func minutes(_ low: Double, _ high: Double) -> TimeInterval {
        (low + (high - low) * pow(uniform(), 3)) * 60
    }

    /// The ticket closed with its history; `events` starts with the creation.
    func closed(_ draft: Ticket, solution: String, created: TicketEvent) -> (Ticket, [TicketEvent]) {
        var ticket = draft
        var events = [created]
        var at = ticket.submittedAt
        func step(
            _ action: WorkflowAction, to status: TicketStatus, after delay: TimeInterval, by actor: Principal,
            body: String? = nil
        ) {
            at = at.addingTimeInterval(delay)
            events.append(
                TicketEvent(
                    kind: .transition, action: action, fromStatus: ticket.status, toStatus: status, actor: actor,
                    at: at,
                    body: body))
            ticket.sla = ticket.sla.applying(
                .status(at: at, to: status), policy: rules.policy, calendar: rules.calendar)
            ticket.status = status
        }
        let admin = Principal(id: 1, name: "admin", role: .admin)
        if chance(0.01) {
            // Not a support matter (R1.6): closed at once, counted apart.
            ticket.outOfScope = true
            ticket.closeReason = "不属于 IT 支持范围"
            step(.close, to: .closed, after: minutes(5, 60), by: admin, body: ticket.closeReason)
            return finish(ticket, events, closedAt: at)
        }
        let group = engineers.filter { ticket.groupId.map($0.groupIds.contains) ?? false }
        let engineer = pick(group.isEmpty ? engineers : group)
        ticket.assigneeId = engineer.id
        step(.assign, to: .assigned, after: minutes(1, 30), by: admin)
        // Most are answered within minutes; one in twenty waits hours (a missed response target).
        step(.accept, to: .inProgress, after: chance(0.05) ? minutes(240, 1_800) : minutes(1, 45), by: engineer.actor)
        ticket.sla = ticket.sla.applying(.firstResponse(at: at), policy: rules.policy, calendar: rules.calendar)
        if chance(0.12) {
            step(.wait, to: .waitingOnRequester, after: minutes(10, 180), by: engineer.actor)
            step(.resume, to: .inProgress, after: minutes(30, 1_800), by: engineer.actor)
        }
        if chance(0.22) {
            ticket.tier = chance(0.25) ? .l3 : .l2
            at = at.addingTimeInterval(minutes(10, 120))
            events.append(
                TicketEvent(
                    kind: .transition, action: .escalate, fromStatus: .inProgress, toStatus: .inProgress,
                    actor: engineer.actor, at: at, reason: "需要二线排查"))
        }
        // Hours of work, now and then days.
        step(
            .resolve, to: .resolved, after: chance(0.08) ? minutes(2_880, 10_080) : minutes(15, 1_440),
            by: engineer.actor, body: solution)
        ticket.solution = solution
        if chance(0.03) {
            step(
                .reopen, to: .inProgress, after: minutes(60, 1_440),
                by: Principal(id: ticket.requester.userId ?? 0, name: ticket.requester.name, role: .requester))
            step(.resolve, to: .resolved, after: minutes(30, 480), by: engineer.actor, body: solution)
        }
        let resolved = at
        if chance(0.6) {
            let roll = uniform()
            ticket.satisfaction =
                roll < 0.7
                ? Satisfaction(level: .satisfied, score: chance(0.7) ? 5 : 4)
                : roll < 0.9
                    ? Satisfaction(level: .neutral, score: 3)
                    : Satisfaction(level: .dissatisfied, score: chance(0.5) ? 2 : 1)
        }
        let state = ticket.sla.state(at: resolved, policy: rules.policy, calendar: rules.calendar)
        if state.responseBreached || state.resolutionBreached, chance(0.7) {
            ticket.breachCause = pick(Self.breachCauses)
        }
        step(.close, to: .closed, after: minutes(60, 4_320), by: admin)
        return finish(ticket, events, closedAt: at)
    }

    private func finish(_ ticket: Ticket, _ events: [TicketEvent], closedAt: Date) -> (Ticket, [TicketEvent]) {
        var ticket = ticket
        ticket.closedAt = closedAt
        ticket.archivedAt = closedAt
        ticket.updatedAt = closedAt
        ticket.firedTimers = SLAEngine.unfired(for: ticket, rules: rules).map(\.key)
        return (ticket, events)
    }
}
