import Foundation

/// Extension requests (R3.5): the handler asks for a later resolution deadline with a reason,
/// a supervisor approves or rejects, the requester is told of an approval.
public enum SLAExtensions {
    public static func request(
        dueAt requested: Date, reason: String?, on ticket: Ticket, by actor: Principal, at now: Date, rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        let isHandler = ticket.assigneeId == actor.id && actor.role.isStaff
        guard isHandler || isManager(actor), Access.canView(ticket, by: actor) else {
            throw .forbidden(action: "extension")
        }
        guard ticket.status.isOpen else { throw .ticketClosed }
        guard let reason = reason.flatMap(Workflow.trimmed) else { throw .reasonRequired(action: "extension") }
        guard reason.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "reason") }
        guard !(ticket.extensions ?? []).contains(where: { $0.status == .pending }) else {
            throw .requestAlreadyPending
        }
        let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        guard let current = state.resolutionDueAt, requested > current, requested > now else {
            throw .extensionNotLater
        }
        var next = ticket
        let id = (ticket.extensions?.count ?? 0) + 1
        next.extensions =
            (ticket.extensions ?? []) + [
                ExtensionRequest(
                    id: id, requestedById: actor.id, requestedByName: actor.name, requestedAt: now, reason: reason,
                    requestedDueAt: requested, originalDueAt: current, status: .pending)
            ]
        let event = TicketEvent(
            kind: .extension, actor: actor, at: now, reason: reason, visibility: .internal,
            data: [
                "id": String(id), "status": "pending", "requested_due": requested.ISO8601Format(),
                "original_due": current.ISO8601Format(),
            ])
        let notice = Notice(
            .extensionRequested, ticket: ticket, to: [.role(.supervisor)], at: now,
            ["due": requested.ISO8601Format(), "reason": reason, "by": actor.name])
        return TicketOperations.finish(next, now, event, notices: [notice])
    }

    /// Approval moves the resolution due time to the requested one: the target grows by the
    /// time between the current due time and the requested one, in the target's clock.
    public static func decide(
        _ id: Int, approve: Bool, note: String?, on ticket: Ticket, by actor: Principal, at now: Date,
        rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        guard isManager(actor) else { throw .forbidden(action: "extension_decision") }
        try TicketOperations.refuseIfClosed(ticket)
        guard let index = ticket.extensions?.firstIndex(where: { $0.id == id && $0.status == .pending }) else {
            throw .noPendingRequest
        }
        let note = note.flatMap(Workflow.trimmed)
        if !approve, note == nil { throw .reasonRequired(action: "extension_decision") }
        var next = ticket
        var request = ticket.extensions![index]
        request.status = approve ? .approved : .rejected
        request.decidedById = actor.id
        request.decidedByName = actor.name
        request.decidedAt = now
        request.decisionNote = note
        next.extensions![index] = request
        var notices: [Notice] = []
        let handler = Recipient.user(request.requestedById)
        if approve && ticket.status.isOpen {
            let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
            let current = state.resolutionDueAt ?? now
            let continuous = rules.policy.targets(for: ticket.priority)?.resolution.mode == .continuous
            let seconds =
                continuous
                ? request.requestedDueAt.timeIntervalSince(current)
                : rules.calendar.businessSeconds(from: current, to: request.requestedDueAt)
            next.sla = next.sla.applying(
                .extended(at: now, seconds: max(0, seconds)), policy: rules.policy, calendar: rules.calendar)
            let due =
                next.sla.state(at: now, policy: rules.policy, calendar: rules.calendar).resolutionDueAt
                ?? request.requestedDueAt
            notices.append(
                Notice(
                    .extensionApproved, ticket: ticket, to: Recipient.requester(of: ticket) + [handler], at: now,
                    ["due": due.ISO8601Format(), "reason": request.reason]))
        } else {
            notices.append(Notice(.extensionRejected, ticket: ticket, to: [handler], at: now, ["reason": note ?? ""]))
        }
        let event = TicketEvent(
            kind: .extension, actor: actor, at: now, reason: note, visibility: approve ? .public : .internal,
            data: [
                "id": String(id), "status": request.status.rawValue,
                "requested_due": request.requestedDueAt.ISO8601Format(),
                "original_due": request.originalDueAt.ISO8601Format(),
            ])
        return TicketOperations.finish(next, now, event, notices: notices)
    }

    /// 延期原因 for a breached ticket (R3.4): the handler or a manager records why.
    /// Whether `actor` may record the 延期原因 now: a breached ticket, by its handler or a manager (R3.4).
    public static func mayRecordBreachCause(_ ticket: Ticket, by actor: Principal) -> Bool {
        !(ticket.breaches ?? []).isEmpty && (try? refuseBreachCause(on: ticket, by: actor)) != nil
    }

    static func refuseBreachCause(on ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        let isHandler = ticket.assigneeId == actor.id && actor.role.isStaff
        guard isHandler || actor.role.seesAllTickets, Access.canView(ticket, by: actor) else {
            throw .forbidden(action: "breach_cause")
        }
        try TicketOperations.refuseIfClosed(ticket)
    }

    public static func recordBreachCause(
        _ cause: String?, on ticket: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        try refuseBreachCause(on: ticket, by: actor)
        guard let cause = cause.flatMap(Workflow.trimmed) else { throw .fieldRequired("cause") }
        guard cause.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "cause") }
        var next = ticket
        next.breachCause = cause
        return TicketOperations.finish(
            next, now, TicketEvent(kind: .breachCause, actor: actor, at: now, body: cause, visibility: .internal))
    }

    static func isManager(_ actor: Principal) -> Bool { actor.role == .supervisor || actor.role == .admin }
}
