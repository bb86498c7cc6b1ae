import Foundation
import HelpdeskCore
import HelpdeskStore

/// The ticket use cases behind the routes: each resolves references, calls the pure domain
/// and persists the result through the store in one transaction.
/// Which ticket a change is for, and the version the client last saw (`If-Match`), if any.
struct TicketRef: Sendable {
    let number: String
    let expectedVersion: Int?
}

struct TicketService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock

    func create(_ body: CreateTicketBody, by user: User) async throws -> (Ticket, [IntakeWarning], TicketRules) {
        guard let policy = try await store.currentSLAPolicy() else { throw APIError.notFound("sla_policy") }
        let rules = try await store.rules(policyId: policy.id)
        let requester = try await resolveRequester(body.requester, for: user)
        let (categoryId, subcategoryId, routedGroup) = try await resolveCategory(body.categoryId, body.subcategoryId)
        var groupId = routedGroup
        if let explicit = body.groupId {
            guard user.role.isStaff else { throw APIError.forbidden("group") }
            try await requireGroup(explicit, field: "groupId")
            groupId = explicit
        }
        // Staff record phone and walk-in requests for others (R1.1); requesters use the portal or the API.
        let channel: Channel =
            user.role.isStaff
            ? body.channel ?? (body.requester == nil ? .api : .phone)
            : body.channel == .api ? .api : .portal
        let contact = body.contact ?? (requester.userId == user.id ? user.phone ?? user.email : nil) ?? ""
        let input = NewTicket(
            type: body.type ?? .fault, title: body.title, description: body.description, details: body.details ?? [:],
            affectedSystem: body.affectedSystem, requester: requester, contact: contact, channel: channel,
            impact: body.impact, urgency: body.urgency, categoryId: categoryId, subcategoryId: subcategoryId,
            groupId: groupId)
        let matrix = try await store.setting("priority_matrix", as: PriorityMatrix.self) ?? .default
        let format = try await store.setting("ticket_number_format", as: TicketNumberFormat.self) ?? .default
        let now = clock.now()
        var draft = try Intake.draft(input, by: user.actor, at: now, matrix: matrix, policyId: policy.id)
        if let major = body.majorIncident {
            // A duplicate of a known major incident, linked at intake (R8.2).
            guard user.role.isStaff else { throw APIError.forbidden("major_incident") }
            guard let incident = try await store.ticket(number: major), incident.majorIncident == true,
                incident.status.isOpen
            else { throw APIError(.unprocessableContent, "invalid_reference", ["field": "majorIncident"]) }
            draft.ticket.majorIncidentNumber = incident.number
        }
        let timeZone = TimeZone(identifier: rules.calendar.timeZoneIdentifier) ?? .gmt
        let ticket = try await store.createTicket(draft.ticket, event: draft.event, format: format, timeZone: timeZone)
        return (ticket, draft.warnings, rules)
    }

    /// The ticket if this user may see it; otherwise 404, so existence is not revealed.
    func visibleTicket(_ number: String, for user: User) async throws -> Ticket {
        guard let ticket = try await store.ticket(number: number), Access.canView(ticket, by: user.actor) else {
            throw APIError.notFound("ticket")
        }
        return ticket
    }

    func transition(_ ref: TicketRef, _ body: TransitionBody, by user: User) async throws -> Ticket {
        if body.assigneeId != nil || body.groupId != nil {
            // Do not reveal whether users or groups exist to someone who cannot see the ticket.
            _ = try await visibleTicket(ref.number, for: user)
        }
        if let assignee = body.assigneeId {
            guard let target = try await store.user(id: assignee), target.role.isStaff, target.active else {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": "assigneeId"])
            }
        }
        if let group = body.groupId { try await requireGroup(group, field: "groupId") }
        let request = TransitionRequest(
            action: body.action, reason: body.reason, assigneeId: body.assigneeId, groupId: body.groupId,
            solution: body.solution, rootCause: body.rootCause, satisfaction: body.satisfaction)
        let ticket = try await change(ref, by: user) { ticket, rules, now in
            try Workflow.apply(request, to: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
        if body.action == .resolve, ticket.majorIncident == true { try await resolveLinked(to: ticket) }
        return ticket
    }

    func addWorklog(_ ref: TicketRef, _ body: WorklogBody, by user: User) async throws -> TicketEvent {
        let visibility = body.visibility ?? (user.role.isStaff ? .internal : .public)
        let result = try await change(ref, by: user) { ticket, rules, now in
            try TicketOperations.addWorklog(body.body, visibility: visibility, to: ticket, by: user.actor, at: now, rules: rules)
        }
        return result.events[0]
    }

    func setWorkaround(_ ref: TicketRef, _ body: WorkaroundBody, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, _, now in
            try TicketOperations.setWorkaround(body.workaround, eta: body.eta, on: ticket, by: user.actor, at: now)
        }.ticket
    }

    func changePriority(_ ref: TicketRef, _ body: PriorityBody, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, rules, now in
            try TicketOperations.changePriority(
                to: body.priority, reason: body.reason, on: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
    }

    func changeCategory(_ ref: TicketRef, _ body: CategoryBody, by user: User) async throws -> Ticket {
        let (categoryId, subcategoryId, groupId) = try await resolveCategory(body.categoryId, body.subcategoryId)
        return try await change(ref, by: user) { ticket, _, now in
            try TicketOperations.changeCategory(
                categoryId: categoryId!, subcategoryId: subcategoryId, groupId: groupId, reason: body.reason,
                on: ticket, by: user.actor, at: now)
        }.ticket
    }

    /// Runs a domain operation inside the store's ticket transaction; a ticket the user may
    /// not see is reported as not found.
    func change(
        _ ref: TicketRef, by user: User,
        _ operation: @escaping @Sendable (Ticket, TicketRules, Date) throws -> TicketChange
    ) async throws -> TicketChange {
        let now = clock.now()
        let actor = user.actor
        return try await store.updateTicket(number: ref.number) { ticket, rules in
            guard Access.canView(ticket, by: actor) else { throw StoreError.notFound("ticket") }
            if let expected = ref.expectedVersion, expected != ticket.version {
                throw APIError(.conflict, "version_conflict", ["version": String(ticket.version)])
            }
            return try operation(ticket, rules, now)
        }
    }

    private func resolveRequester(_ body: RequesterBody?, for user: User) async throws -> Requester {
        guard let body else { return user.asRequester }
        guard user.role.isStaff else { throw APIError.forbidden("requester") }
        if let userId = body.userId {
            guard let account = try await store.user(id: userId) else {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": "requester.userId"])
            }
            return account.asRequester
        }
        return Requester(
            userId: nil, name: body.name ?? "", employeeNumber: body.employeeNumber, department: body.department,
            region: body.region, external: body.external ?? false)
    }

    /// Validates a category and optional sub-category and returns the group the ticket routes to (R4.1).
    func resolveCategory(_ categoryId: Int64?, _ subcategoryId: Int64?) async throws -> (Int64?, Int64?, Int64?) {
        guard categoryId != nil || subcategoryId != nil else { return (nil, nil, nil) }
        let all = try await store.categories()
        func find(_ id: Int64?, _ field: String) throws -> TicketCategory? {
            guard let id else { return nil }
            guard let found = all.first(where: { $0.id == id && $0.active }) else {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": field])
            }
            return found
        }
        var category = try find(categoryId, "categoryId")
        var sub = try find(subcategoryId, "subcategoryId")
        if let chosen = category, chosen.parentId != nil, sub == nil {
            // A sub-category given as the category: file it under its parent.
            sub = chosen
            category = try find(chosen.parentId, "categoryId")
        }
        if let sub {
            guard let parentId = sub.parentId else {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": "subcategoryId"])
            }
            if let category, category.id != parentId {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": "subcategoryId"])
            }
            category = try find(parentId, "categoryId")
        }
        return (category?.id, sub?.id, sub?.defaultGroupId ?? category?.defaultGroupId)
    }

    func requireGroup(_ id: Int64, field: String) async throws {
        guard try await store.groups().contains(where: { $0.id == id }) else {
            throw APIError(.unprocessableContent, "invalid_reference", ["field": field])
        }
    }
}
