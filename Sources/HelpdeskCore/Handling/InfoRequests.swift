import Foundation

/// "Needs info" (R1.3): a ticket missing its type's details goes back to the requester, who
/// fills them in; it then returns to the queue. While it waits the SLA clock does what the
/// policy says for `waiting_on_requester` (paused by default).
public enum InfoRequests {
    static let sources: Set<TicketStatus> = [.new, .assigned, .inProgress]

    /// Whether `actor` may ask for details now; the page's form follows this.
    public static func mayRequest(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseRequest(ticket, by: actor)) != nil
    }

    /// Whether `actor` may answer the pending request now.
    public static func mayProvide(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseProvide(ticket, by: actor)) != nil
    }

    /// Staff who can see the ticket, before it is resolved, with no request pending.
    static func refuseRequest(_ ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        guard actor.role.isStaff, Access.canView(ticket, by: actor) else { throw .forbidden(action: "info_request") }
        try TicketOperations.refuseIfClosed(ticket)
        guard ticket.infoRequest == nil else { throw .requestAlreadyPending }
        guard sources.contains(ticket.status) else {
            throw .illegalTransition(action: .wait, from: ticket.status)
        }
    }

    /// The requester (or staff on their behalf), while the request is pending.
    static func refuseProvide(_ ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        let isOwner = actor.id == ticket.requester.userId
        guard isOwner || (actor.role.isStaff && Access.canView(ticket, by: actor)) else {
            throw .forbidden(action: "details")
        }
        try TicketOperations.refuseIfClosed(ticket)
        guard ticket.infoRequest != nil, ticket.status == .waitingOnRequester else { throw .noPendingRequest }
    }

    /// Asks for `fields` (the type's missing details when empty) with an optional note.
    public static func request(
        fields: [String], note: String?, on ticket: Ticket, by actor: Principal, at now: Date, rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        try refuseRequest(ticket, by: actor)
        let allowed = ticket.type.requiredDetails
        var asked: [String] = []
        for field in fields.compactMap(Workflow.trimmed) where !asked.contains(field) {
            guard allowed.contains(field) else { throw .invalidValue(field: "fields") }
            asked.append(field)
        }
        if fields.isEmpty { asked = ticket.missingDetails }
        let note = note.flatMap(Workflow.trimmed)
        guard !asked.isEmpty || note != nil else { throw .fieldRequired("fields") }
        guard (note?.count ?? 0) <= TicketOperations.maxTextLength else { throw .invalidValue(field: "note") }
        var next = ticket
        next.infoRequest = InfoRequest(
            fields: asked, note: note, requestedById: actor.id, requestedByName: actor.name, requestedAt: now,
            resumeStatus: ticket.status)
        next.status = .waitingOnRequester
        // Asking for what is missing is the information check finding gaps (R1.7).
        if next.informationCheckedAt == nil { next.informationCheckedAt = now }
        next.sla = next.sla.applying(
            .status(at: now, to: .waitingOnRequester), policy: rules.policy, calendar: rules.calendar)
        let event = TicketEvent(
            kind: .infoRequest, fromStatus: ticket.status, toStatus: .waitingOnRequester, actor: actor, at: now,
            body: note, data: ["fields": asked.joined(separator: ",")])
        let notice = Notice(
            .infoRequested, ticket: ticket, to: Recipient.requester(of: ticket), at: now,
            ["fields": asked.joined(separator: ","), "note": note ?? ""])
        return TicketOperations.finish(next, now, event, notices: [notice])
    }

    /// The requested details filled in (with any others the requester adds); back to the queue.
    public static func provide(
        details: [String: String], note: String?, on ticket: Ticket, by actor: Principal, at now: Date,
        rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        try refuseProvide(ticket, by: actor)
        guard let request = ticket.infoRequest else { throw .noPendingRequest }
        let allowed = Set(ticket.type.requiredDetails + request.fields)
        var next = ticket
        var kinds: Set<SensitiveDataKind> = []
        for (key, raw) in details {
            guard allowed.contains(key) else { throw .invalidValue(field: "details") }
            guard let value = Workflow.trimmed(raw) else { continue }
            guard value.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "details") }
            let redaction = SensitiveDataDetector.redact(value)
            kinds.formUnion(redaction.kinds)
            next.details[key] = redaction.text
        }
        for field in request.fields where next.details[field].flatMap(Workflow.trimmed) == nil {
            throw .fieldRequired(field)
        }
        let note = note.flatMap(Workflow.trimmed)
        guard (note?.count ?? 0) <= TicketOperations.maxTextLength else { throw .invalidValue(field: "note") }
        next.infoRequest = nil
        next.status = request.resumeStatus
        next.sla = next.sla.applying(
            .status(at: now, to: request.resumeStatus), policy: rules.policy, calendar: rules.calendar)
        var data = ["provided": request.fields.joined(separator: ",")]
        if !kinds.isEmpty {
            data["redacted"] = SensitiveDataKind.list(SensitiveDataKind.allCases.filter(kinds.contains))
        }
        let event = TicketEvent(
            kind: .infoRequest, fromStatus: ticket.status, toStatus: request.resumeStatus, actor: actor, at: now,
            body: note, data: data)
        let notice = Notice(.infoProvided, ticket: next, to: Recipient.handler(of: ticket), at: now)
        return TicketOperations.finish(next, now, event, notices: [notice])
    }
}
