import Foundation

/// Changes to a ticket that are not workflow moves: work log, workaround, priority and
/// category. Each returns the changed ticket and the event that records it.
public enum TicketOperations {
    public static let maxTextLength = 20_000

    /// A work-log entry (R4.5). Staff write internal notes or public replies; the requester
    /// writes public comments. A staff member's first public reply meets the response target.
    public static func addWorklog(
        _ body: String, visibility: TicketEvent.Visibility, to ticket: Ticket, by actor: Principal, at now: Date,
        rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        guard let text = Workflow.trimmed(body) else { throw .fieldRequired("body") }
        guard text.count <= maxTextLength else { throw .invalidValue(field: "body") }
        guard Access.canView(ticket, by: actor), actor.role.isStaff || visibility == .public else {
            throw .forbidden(action: "worklog")
        }
        try refuseIfClosed(ticket)
        var next = ticket
        if actor.role.isStaff, visibility == .public, next.sla.respondedAt == nil {
            next.sla = next.sla.applying(.firstResponse(at: now), policy: rules.policy, calendar: rules.calendar)
        }
        if actor.role.isStaff {
            next.lastUpdateAt = now  // progress cadence (R3.6)
            if visibility == .public { next.lastPublicUpdateAt = now }
        }
        // R9.4: a credential pasted into the work log is hidden before it is stored; the event
        // says what kind was hidden, never the value.
        let redaction = SensitiveDataDetector.redact(text)
        var event = TicketEvent(kind: .worklog, actor: actor, at: now, body: redaction.text, visibility: visibility)
        if redaction.redacted { event.data["redacted"] = SensitiveDataKind.list(redaction.kinds) }
        // Staff's public answer reaches the requester (in the inbox, and by e-mail on a ticket
        // that came by e-mail), unless the requester wrote it (staff filing their own ticket).
        var notices: [Notice] = []
        if actor.role.isStaff, visibility == .public, ticket.requester.userId != actor.id {
            notices.append(
                Notice(
                    .reply, ticket: ticket, to: Recipient.requester(of: ticket), at: now,
                    ["author": actor.name, "text": redaction.text]))
        }
        return finish(next, now, event, notices: notices)
    }

    /// Workaround (临时方案) with an ETA for the real fix (R4.6); shown to the requester.
    public static func setWorkaround(
        _ text: String, eta: Date?, on ticket: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        guard actor.role.isStaff, Access.canView(ticket, by: actor) else { throw .forbidden(action: "workaround") }
        guard ticket.status.isOpen else { throw .ticketClosed }
        guard let workaround = Workflow.trimmed(text) else { throw .fieldRequired("workaround") }
        guard workaround.count <= maxTextLength else { throw .invalidValue(field: "workaround") }
        let redaction = SensitiveDataDetector.redact(workaround)
        var next = ticket
        next.workaround = redaction.text
        next.workaroundEta = eta
        var data: [String: String] = [:]
        if let eta { data["eta"] = eta.ISO8601Format() }
        if redaction.redacted { data["redacted"] = SensitiveDataKind.list(redaction.kinds) }
        return finish(
            next, now, TicketEvent(kind: .workaround, actor: actor, at: now, body: redaction.text, data: data))
    }

    /// A problem manager confirms the suggested priority or changes it with a reason (R2.3).
    /// A change moves the SLA targets; time already consumed stays consumed. The ticket is then
    /// graded under `matrix`, the current version (R2.4): the event records which, with what that
    /// version suggests for the ticket's impact and urgency, so the history shows every version.
    public static func changePriority(
        to priority: Priority, reason: String?, on ticket: Ticket, by actor: Principal, at now: Date,
        rules: TicketRules,
        matrix: PriorityMatrixVersion = .initial
    ) throws(WorkflowError) -> TicketChange {
        guard actor.role.seesAllTickets else { throw .forbidden(action: "priority") }
        try refuseIfClosed(ticket)
        let reason = reason.flatMap(Workflow.trimmed)
        if priority != ticket.priority, reason == nil { throw .reasonRequired(action: "priority") }
        var next = ticket
        next.priority = priority
        next.priorityConfirmed = true
        next.priorityMatrixVersion = matrix.version
        if priority != ticket.priority {
            next.sla = next.sla.applying(
                .priorityChanged(at: now, to: priority), policy: rules.policy, calendar: rules.calendar)
        }
        let event = TicketEvent(
            kind: .priorityChanged, actor: actor, at: now, reason: reason, visibility: .internal,
            data: [
                "from": ticket.priority.rawValue, "to": priority.rawValue,
                "matrix_version": String(matrix.version),
                "from_matrix_version": String(ticket.gradedUnderMatrixVersion),
                "matrix_suggests": matrix.matrix.priority(impact: ticket.impact, urgency: ticket.urgency).rawValue,
            ])
        return finish(next, now, event)
    }

    /// Re-categorise (R2.1); the caller has checked that the sub-category belongs to the category.
    public static func changeCategory(
        categoryId: Int64, subcategoryId: Int64?, groupId: Int64?, reason: String?, on ticket: Ticket,
        by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        guard actor.role.isStaff, Access.canView(ticket, by: actor) else { throw .forbidden(action: "category") }
        try refuseIfClosed(ticket)
        var next = ticket
        next.categoryId = categoryId
        next.subcategoryId = subcategoryId
        if let groupId { next.groupId = groupId }
        var data = ["category_id": String(categoryId)]
        if let subcategoryId { data["subcategory_id"] = String(subcategoryId) }
        if let old = ticket.categoryId { data["from_category_id"] = String(old) }
        let event = TicketEvent(
            kind: .categoryChanged, actor: actor, at: now, reason: reason.flatMap(Workflow.trimmed),
            visibility: .internal, data: data)
        return finish(next, now, event)
    }

    /// Files added on the ticket page or by a reply (R1.2). Anyone who sees the ticket may add
    /// them while it is not closed; each file is at most `maxBytes`.
    public static func attach(
        _ files: [AttachmentUpload], maxBytes: Int, to ticket: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        guard Access.canView(ticket, by: actor) else { throw .forbidden(action: "attachment") }
        try refuseIfClosed(ticket)
        try checkAttachments(files, maxBytes: maxBytes)
        guard !files.isEmpty else { throw .fieldRequired("file") }
        var change = finish(
            ticket, now,
            TicketEvent(
                kind: .attachment, actor: actor, at: now, visibility: actor.role.isStaff ? .internal : .public,
                data: ["files": files.map(\.filename).joined(separator: "\n")]))
        change.attachments = files
        return change
    }

    /// At most ``AttachmentUpload/maxFiles`` files, none over `maxBytes`.
    public static func checkAttachments(_ files: [AttachmentUpload], maxBytes: Int) throws(WorkflowError) {
        guard files.count <= AttachmentUpload.maxFiles else { throw .invalidValue(field: "attachments") }
        if files.contains(where: { $0.data.count > maxBytes }) { throw .attachmentTooLarge(maxBytes: maxBytes) }
    }

    /// A closed ticket is the record of what happened: only a reopen (within the window)
    /// changes it; every other change is refused.
    public static func refuseIfClosed(_ ticket: Ticket) throws(WorkflowError) {
        if ticket.status == .closed { throw .ticketClosed }
        if ticket.status == .archived { throw .ticketArchived }
    }

    static func finish(_ ticket: Ticket, _ now: Date, _ event: TicketEvent, notices: [Notice] = []) -> TicketChange {
        var next = ticket
        next.updatedAt = now
        next.version += 1
        return TicketChange(ticket: next, events: [event], notices: notices)
    }
}
