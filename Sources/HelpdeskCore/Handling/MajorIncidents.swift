import Foundation

/// Major incidents (R8.2): a supervisor declares one, duplicates are linked to it, status
/// updates go to every linked requester and to leadership, and its resolution resolves them.
public enum MajorIncidents {
    /// Whether `actor` may declare `ticket` a major incident now; the page's form follows this.
    public static func mayDeclare(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseDeclare(ticket, by: actor)) != nil
    }

    /// Whether `actor` may link other tickets to the major incident `major` now.
    public static func mayLink(to major: Ticket, by actor: Principal) -> Bool {
        actor.role.isStaff && Access.canView(major, by: actor) && major.majorIncident == true && major.status.isOpen
    }

    /// Whether `actor` may send a status update about `major`.
    public static func mayBroadcast(_ major: Ticket, by actor: Principal) -> Bool {
        (try? refuseBroadcast(major, by: actor)) != nil
    }

    /// A supervisor or admin, on an open ticket that is neither an incident nor linked to one.
    static func refuseDeclare(_ ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        guard SLAExtensions.isManager(actor) else { throw .forbidden(action: "major_incident") }
        guard ticket.status.isOpen else { throw .ticketClosed }
        guard ticket.majorIncident != true, ticket.majorIncidentNumber == nil else { throw .alreadyLinked }
    }

    static func refuseBroadcast(_ major: Ticket, by actor: Principal) throws(WorkflowError) {
        guard actor.role.seesAllTickets else { throw .forbidden(action: "broadcast") }
        guard major.majorIncident == true else { throw .notMajorIncident }
    }

    public static func declare(_ ticket: Ticket, by actor: Principal, at now: Date) throws(WorkflowError)
        -> TicketChange
    {
        try refuseDeclare(ticket, by: actor)
        var next = ticket
        next.majorIncident = true
        let event = TicketEvent(kind: .majorIncident, actor: actor, at: now, data: ["declared": "true"])
        let notice = Notice(.majorIncidentDeclared, ticket: ticket, to: [.leadership, .onDutyLead], at: now)
        return TicketOperations.finish(next, now, event, notices: [notice])
    }

    /// Marks `ticket` as a duplicate of the open major incident `major`.
    public static func link(_ ticket: Ticket, to major: Ticket, by actor: Principal, at now: Date) throws(WorkflowError)
        -> TicketChange
    {
        guard actor.role.isStaff, Access.canView(ticket, by: actor) else { throw .forbidden(action: "major_incident") }
        guard major.majorIncident == true, major.status.isOpen, ticket.number != major.number else {
            throw .notMajorIncident
        }
        guard ticket.majorIncident != true, ticket.majorIncidentNumber == nil else { throw .alreadyLinked }
        guard ticket.status.isOpen else { throw .ticketClosed }
        var next = ticket
        next.majorIncidentNumber = major.number
        let event = TicketEvent(kind: .majorIncident, actor: actor, at: now, data: ["linked_to": major.number])
        return TicketOperations.finish(next, now, event)
    }

    /// A status update: what happened, the impact and the expected recovery, to the requesters
    /// of every linked ticket (`linkedRequesters`), to leadership, and to the chosen `audience`
    /// (support groups and departments of users, R8.2); recorded on the incident.
    public static func broadcast(
        what: String?, impact: String?, expectedRecovery: Date?, on major: Ticket, linkedRequesters: [Int64],
        audience: BroadcastAudience = BroadcastAudience(), by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        try refuseBroadcast(major, by: actor)
        let audience = try audience.validated()
        guard let what = what.flatMap(Workflow.trimmed) else { throw .fieldRequired("what") }
        let impact = impact.flatMap(Workflow.trimmed) ?? ""
        guard what.count + impact.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "what") }
        var data = ["impact": impact]
        if let expectedRecovery { data["expected_recovery"] = expectedRecovery.ISO8601Format() }
        if !audience.groupIds.isEmpty { data["groups"] = audience.groupIds.map(String.init).joined(separator: ",") }
        if !audience.departments.isEmpty { data["departments"] = audience.departments.joined(separator: ",") }
        let event = TicketEvent(kind: .majorIncident, actor: actor, at: now, body: what, data: data)
        let requesters = Set(linkedRequesters + (major.requester.userId.map { [$0] } ?? [])).sorted().map(
            Recipient.user)
        var arguments = ["what": what, "impact": impact]
        arguments["recovery"] = expectedRecovery?.ISO8601Format() ?? ""
        let notice = Notice(
            .majorIncidentUpdate, ticket: major, to: [.leadership] + requesters + audience.recipients, at: now,
            arguments)
        return TicketOperations.finish(major, now, event, notices: [notice])
    }

    /// Resolves a linked ticket with the major incident's solution, whatever open state it is in.
    public static func resolveLinked(_ ticket: Ticket, major: Ticket, at now: Date, rules: TicketRules) -> TicketChange?
    {
        // A major incident whose solution still waits for its check (R5.1) resolves nothing yet.
        guard major.status == .resolved, ticket.status.isOpen, ticket.majorIncidentNumber == major.number,
            let solution = major.solution
        else {
            return nil
        }
        var next = ticket
        next.solution = solution
        next.rootCause = major.rootCause
        next.status = .resolved
        if next.sla.respondedAt == nil {
            next.sla = next.sla.applying(.firstResponse(at: now), policy: rules.policy, calendar: rules.calendar)
        }
        next.sla = next.sla.applying(.status(at: now, to: .resolved), policy: rules.policy, calendar: rules.calendar)
        let event = TicketEvent(
            kind: .transition, action: .resolve, fromStatus: ticket.status, toStatus: .resolved, actor: .system,
            at: now,
            body: solution, data: ["major_incident": major.number])
        let notice = Notice(
            .majorIncidentResolved, ticket: next, to: Recipient.requester(of: ticket), at: now,
            ["major": major.number])
        return TicketOperations.finish(next, now, event, notices: [notice])
    }
}
