/// Who may see a ticket and who sees its personal data in full (R9.1, R9.2).
public enum Access {
    /// Which tickets a list query may return for an actor.
    public enum ListScope: Equatable, Sendable {
        case all
        /// Tickets of these groups plus the ones assigned to the agent.
        case agent(id: Int64, groupIds: Set<Int64>)
        /// The requester's own tickets, and their department's when the desk allows it (R9.1).
        case requester(id: Int64, department: String?)
    }

    public static func listScope(for actor: Principal) -> ListScope {
        switch actor.role {
        case .problemManager, .supervisor, .admin: .all
        case .agent: .agent(id: actor.id, groupIds: actor.groupIds)
        case .requester: .requester(id: actor.id, department: actor.readsDepartment)
        }
    }

    /// Managers see every ticket, agents their groups' and their own, requesters theirs; and
    /// whoever recorded a ticket (a phone request taken for someone, routed to another group)
    /// can always open what they recorded.
    public static func canView(_ ticket: Ticket, by actor: Principal) -> Bool {
        switch actor.role {
        case .problemManager, .supervisor, .admin: true
        case .agent: isOnTicket(ticket, actor) || isAskedCollaborator(ticket, actor)
        case .requester:
            ticket.requester.userId == actor.id
                || (actor.readsDepartment != nil && ticket.requester.department == actor.readsDepartment)
        }
    }

    /// Sees the ticket only because their group was asked (R4.7): they read it and answer the
    /// question, and change nothing else on it.
    public static func viewsOnlyAsCollaborator(_ ticket: Ticket, _ actor: Principal) -> Bool {
        isAskedCollaborator(ticket, actor) && !isOnTicket(ticket, actor)
    }

    /// An agent's own tickets: assigned to them, in one of their groups, or recorded by them.
    static func isOnTicket(_ ticket: Ticket, _ actor: Principal) -> Bool {
        ticket.assigneeId == actor.id || ticket.groupId.map(actor.groupIds.contains) == true
            || ticket.createdById == actor.id
    }

    /// An engineer of a group asked to help (R4.7) while the question is open: they open the
    /// ticket and see it in full, as its handler does, until they have answered.
    public static func isAskedCollaborator(_ ticket: Ticket, _ actor: Principal) -> Bool {
        actor.role == .agent
            && (ticket.collaborations ?? []).contains {
                $0.answeredAt == nil && $0.groupId.map(actor.groupIds.contains) == true
            }
    }

    /// Staff on the ticket (its handler, managers, collaborators while asked) and the requester
    /// themselves see personal data in full.
    public static func hasFullAccess(_ ticket: Ticket, by actor: Principal) -> Bool {
        hasFullAccess(assigneeId: ticket.assigneeId, requesterUserId: ticket.requester.userId, by: actor)
            || isAskedCollaborator(ticket, actor)
    }

    /// The same rule from the two facts it depends on, for queue rows that are not whole tickets.
    public static func hasFullAccess(assigneeId: Int64?, requesterUserId: Int64?, by actor: Principal) -> Bool {
        actor.role.seesAllTickets || assigneeId == actor.id || requesterUserId == actor.id
    }

    /// The ticket as this actor may see it: contact masked as `*5678` and an external
    /// requester's name as `小明*` unless the actor has full access.
    /// An internal handling plan is for staff only, and so is a solution still being verified.
    public static func presented(_ ticket: Ticket, to actor: Principal) -> Ticket {
        var copy = ticket
        if !actor.role.isStaff, ticket.plan?.visibility == .internal { copy.plan = nil }
        // A major incident's preventive actions are the desk's own follow-up (R7.4).
        if !actor.role.isStaff { copy.preventiveActions = nil }
        if !actor.role.isStaff, ticket.status == .verifying {
            // Not told yet (R5.1): the solution reaches the requester when its check passes.
            copy.solution = nil
            copy.rootCause = nil
        }
        guard !hasFullAccess(ticket, by: actor) else { return copy }
        copy.contact = Masking.contact(ticket.contact)
        if ticket.requester.external {
            copy.requester.name = Masking.name(ticket.requester.name)
            copy.requester.employeeNumber = nil
        }
        return copy
    }

    /// A ticket's history as this actor may see it: an external requester's name is masked
    /// wherever they are the actor, exactly as on the ticket itself.
    public static func presented(_ events: [TicketEvent], of ticket: Ticket, to actor: Principal) -> [TicketEvent] {
        guard ticket.requester.external, let requesterId = ticket.requester.userId,
            !hasFullAccess(ticket, by: actor)
        else { return events }
        return events.map { event in
            guard event.actorId == requesterId else { return event }
            var copy = event
            copy.actorName = Masking.name(event.actorName)
            return copy
        }
    }

    /// Managers, the person themselves and anyone looking at a staff account see a user in
    /// full; an engineer listing requesters sees their contacts masked and an external
    /// requester's name as on their tickets.
    public static func seesInFull(_ user: User, viewer: Principal) -> Bool {
        viewer.role.seesAllTickets || viewer.id == user.id || user.role.isStaff
    }

    public static func presented(_ user: User, to viewer: Principal) -> User {
        guard !seesInFull(user, viewer: viewer) else { return user }
        var copy = user
        copy.email = user.email.map(Masking.contact)
        copy.phone = user.phone.map(Masking.contact)
        copy.employeeNumber = user.employeeNumber.map(Masking.contact)
        if user.external { copy.displayName = Masking.name(user.displayName) }
        return copy
    }
}
