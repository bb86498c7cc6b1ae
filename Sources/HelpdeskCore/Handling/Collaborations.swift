import Foundation

/// Collaboration (R4.7): another group or a vendor contact is asked a question and must answer
/// within the desk's collaboration time; a supervisor names the lead department.
public enum Collaborations {
    /// Whether `actor` may ask another group or a vendor now; the page's form follows this.
    public static func mayAsk(_ ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseAsk(on: ticket, by: actor)) != nil
    }

    /// Whether `actor` may answer this question now.
    public static func mayAnswer(_ collaboration: Collaboration, on ticket: Ticket, by actor: Principal) -> Bool {
        (try? refuseAnswer(collaboration, on: ticket, by: actor)) != nil
    }

    /// Staff on an open ticket; an asked collaborator answers and asks no one else.
    static func refuseAsk(on ticket: Ticket, by actor: Principal) throws(WorkflowError) {
        guard actor.role.isStaff, Access.canView(ticket, by: actor), !Access.viewsOnlyAsCollaborator(ticket, actor)
        else { throw .forbidden(action: "collaboration") }
        guard ticket.status.isOpen else { throw .ticketClosed }
    }

    /// An open question, answered by staff who can open the ticket: the asked group's engineers
    /// can while it is open (``Access/isAskedCollaborator(_:_:)``).
    static func refuseAnswer(_ collaboration: Collaboration, on ticket: Ticket, by actor: Principal)
        throws(WorkflowError)
    {
        try TicketOperations.refuseIfClosed(ticket)
        guard collaboration.answeredAt == nil else { throw .noPendingRequest }
        guard actor.role.isStaff, Access.canView(ticket, by: actor) else { throw .forbidden(action: "collaboration") }
    }

    public static func ask(
        groupId: Int64?, contact: String?, question: String?, on ticket: Ticket, by actor: Principal, at now: Date,
        rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        try refuseAsk(on: ticket, by: actor)
        guard let question = question.flatMap(Workflow.trimmed) else { throw .fieldRequired("question") }
        guard let contact = contact.flatMap(Workflow.trimmed) else { throw .fieldRequired("contact") }
        guard question.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "question") }
        guard contact.count <= 200 else { throw .invalidValue(field: "contact") }
        let id = (ticket.collaborations?.count ?? 0) + 1
        let due = now.addingTimeInterval(TimeInterval(rules.engine.collaborationHours * 3600))
        var next = ticket
        next.collaborations =
            (ticket.collaborations ?? []) + [
                Collaboration(
                    id: id, groupId: groupId, contact: contact, question: question, askedById: actor.id, askedAt: now,
                    dueAt: due)
            ]
        var data = ["id": String(id), "contact": contact, "due": due.ISO8601Format()]
        if let groupId { data["group_id"] = String(groupId) }
        let event = TicketEvent(
            kind: .collaboration, actor: actor, at: now, body: question, visibility: .internal, data: data)
        let notices =
            groupId.map {
                [
                    Notice(
                        .collaborationRequested, ticket: ticket, to: [.group($0, minimumTier: nil)], at: now,
                        ["due": due.ISO8601Format(), "contact": contact, "question": question])
                ]
            } ?? []
        return TicketOperations.finish(next, now, event, notices: notices)
    }

    public static func answer(
        _ id: Int, answer: String?, on ticket: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        try TicketOperations.refuseIfClosed(ticket)
        guard let index = ticket.collaborations?.firstIndex(where: { $0.id == id && $0.answeredAt == nil }) else {
            throw .noPendingRequest
        }
        let collaboration = ticket.collaborations![index]
        try refuseAnswer(collaboration, on: ticket, by: actor)
        guard let text = answer.flatMap(Workflow.trimmed) else { throw .fieldRequired("answer") }
        guard text.count <= TicketOperations.maxTextLength else { throw .invalidValue(field: "answer") }
        var next = ticket
        next.collaborations![index].answer = text
        next.collaborations![index].answeredAt = now
        next.collaborations![index].answeredByName = actor.name
        let event = TicketEvent(
            kind: .collaboration, actor: actor, at: now, body: text, visibility: .internal,
            data: ["id": String(id), "answered": "true"])
        let notice = Notice(
            .collaborationAnswered, ticket: ticket, to: Recipient.handler(of: ticket), at: now,
            ["contact": collaboration.contact])
        return TicketOperations.finish(next, now, event, notices: [notice])
    }

    /// The supervisor names the department that leads the collaboration; overdue answers go to it.
    public static func setLeadGroup(
        _ groupId: Int64?, on ticket: Ticket, by actor: Principal, at now: Date
    ) throws(WorkflowError) -> TicketChange {
        guard SLAExtensions.isManager(actor) else { throw .forbidden(action: "lead_group") }
        try TicketOperations.refuseIfClosed(ticket)
        var next = ticket
        next.leadGroupId = groupId
        let event = TicketEvent(
            kind: .collaboration, actor: actor, at: now, visibility: .internal,
            data: ["lead_group_id": groupId.map(String.init) ?? ""])
        return TicketOperations.finish(next, now, event)
    }
}
