import Foundation

/// Recording the handling plan (R4.4); each save replaces the plan and is kept in the history.
public enum HandlingPlans {
    /// Whether `actor` may record the plan now; the page's form follows this.
    public static func mayRecord(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuse(ticket, by: actor)) != nil
    }

    /// The handler or a manager, on an open ticket.
    static func refuse(_ ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        let isHandler = ticket.assigneeId == actor.id && actor.role.isStaff
        guard isHandler || actor.role.seesAllTickets, Access.canView(ticket, by: actor) else {
            throw .forbidden(action: "plan")
        }
        try TicketOperations.refuseIfClosed(ticket)
        guard ticket.status.isOpen else { throw .ticketClosed }
    }

    public static func record(
        kind: HandlingPlan.Kind, steps: String?, eta: Date?, support: String?, visibility: TicketEvent.Visibility,
        on ticket: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        try refuse(ticket, by: actor)
        guard let steps = steps.flatMap(Workflow.trimmed) else { throw .fieldRequired("steps") }
        let support = support.flatMap(Workflow.trimmed)
        guard steps.count + (support?.count ?? 0) <= TicketOperations.maxTextLength else {
            throw .invalidValue(field: "steps")
        }
        if let eta, eta <= now { throw .invalidValue(field: "eta") }
        let redacted = SensitiveDataDetector.redact(steps)
        let redactedSupport = support.map { SensitiveDataDetector.redact($0) }
        var next = ticket
        next.plan = HandlingPlan(
            kind: kind, steps: redacted.text, eta: eta, support: redactedSupport?.text, visibility: visibility,
            authorId: actor.id, authorName: actor.name, recordedAt: now)
        var data = ["plan": kind.rawValue]
        if let eta { data["eta"] = eta.ISO8601Format() }
        if let support = redactedSupport?.text { data["support"] = support }
        let found = Set(redacted.kinds + (redactedSupport?.kinds ?? []))
        if !found.isEmpty {
            data["redacted"] = SensitiveDataKind.list(SensitiveDataKind.allCases.filter(found.contains))
        }
        let event = TicketEvent(
            kind: .plan, actor: actor, at: now, body: redacted.text, visibility: visibility, data: data)
        return TicketOperations.finish(next, now, event)
    }
}
