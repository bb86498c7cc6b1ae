import Foundation

/// Approval of a major change (R4.8): work stops (the ticket is blocked, which pauses the
/// clock by default) until the requester or the named manager approves or rejects.
public enum Approvals {
    /// Who may be asked to approve: the requester, or a manager (R4.8). Anyone else would get
    /// the change's text without being able to act on it.
    public static func canApprove(_ approver: Principal, _ ticket: Ticket) -> Bool {
        approver.id == ticket.requester.userId || SLAExtensions.isManager(approver)
    }

    /// Whether `actor` may ask for an approval now; the forms a page offers follow this.
    public static func mayRequest(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseRequest(on: ticket, by: actor)) != nil
    }

    /// Whether `actor` may decide the pending approval now.
    public static func mayDecide(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseDecision(on: ticket, by: actor)) != nil
    }

    /// The handler or a manager, while the ticket is worked on or blocked, and none is pending.
    static func refuseRequest(on ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        let isHandler = ticket.assigneeId == actor.id && actor.role.isStaff
        guard isHandler || SLAExtensions.isManager(actor), Access.canView(ticket, by: actor) else {
            throw .forbidden(action: "approval")
        }
        guard ticket.status == .inProgress || ticket.status == .blocked else {
            throw .illegalTransition(action: .block, from: ticket.status)
        }
        guard ticket.approval?.status != .pending else { throw .requestAlreadyPending }
    }

    /// The approver or a manager, on the pending request of a ticket it still blocks.
    static func refuseDecision(on ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        try TicketOperations.refuseIfClosed(ticket)
        guard let approval = ticket.approval, approval.status == .pending else { throw .noPendingRequest }
        // The request blocked the ticket; one that moved on since is not silently put back to work.
        guard ticket.status == .blocked else { throw .illegalTransition(action: .resume, from: ticket.status) }
        guard actor.id == approval.approverId || SLAExtensions.isManager(actor) else {
            throw .forbidden(action: "approval_decision")
        }
    }

    /// `approver` is the account the caller found for `approverId`; nil asks the requester.
    public static func request(
        change: String?, approver: Principal?, on ticket: Ticket, by actor: Principal, at now: Date, rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        try refuseRequest(on: ticket, by: actor)
        guard let text = change.flatMap(Workflow.trimmed) else { throw .fieldRequired("change") }
        guard text.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "change") }
        if let approver, !canApprove(approver, ticket) { throw .invalidValue(field: "approverId") }
        guard let approver = approver?.id ?? ticket.requester.userId else { throw .fieldRequired("approverId") }
        var next = ticket
        next.approval = ApprovalRequest(
            change: text, approverId: approver, requestedById: actor.id, requestedAt: now, status: .pending,
            resumeStatus: .inProgress)
        next.status = .blocked
        if ticket.status != .blocked {
            next.sla = next.sla.applying(.status(at: now, to: .blocked), policy: rules.policy, calendar: rules.calendar)
        }
        let event = TicketEvent(
            kind: .approval, fromStatus: ticket.status, toStatus: .blocked, actor: actor, at: now, body: text,
            data: ["status": "pending", "approver_id": String(approver)])
        let notice = Notice(.approvalRequested, ticket: ticket, to: [.user(approver)], at: now, ["change": text])
        return TicketOperations.finish(next, now, event, notices: [notice])
    }

    public static func decide(
        approve: Bool, note: String?, on ticket: Ticket, by actor: Principal, at now: Date, rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        try refuseDecision(on: ticket, by: actor)
        guard var approval = ticket.approval else { throw .noPendingRequest }
        let note = note.flatMap(Workflow.trimmed)
        if !approve, note == nil { throw .reasonRequired(action: "approval_decision") }
        approval.status = approve ? .approved : .rejected
        approval.decidedById = actor.id
        approval.decidedAt = now
        approval.note = note
        var next = ticket
        next.approval = approval
        next.status = approval.resumeStatus
        next.sla = next.sla.applying(.status(at: now, to: next.status), policy: rules.policy, calendar: rules.calendar)
        let event = TicketEvent(
            kind: .approval, fromStatus: ticket.status, toStatus: next.status, actor: actor, at: now, reason: note,
            data: ["status": approval.status.rawValue])
        let notice = Notice(
            .approvalDecided, ticket: ticket, to: [.user(approval.requestedById)], at: now,
            ["decision": approval.status.rawValue, "reason": note ?? ""])
        return TicketOperations.finish(next, now, event, notices: [notice])
    }
}
