import Foundation
import HelpdeskCore
import HelpdeskStore

/// The SLA engine's ticket use cases: the explainable timeline, extensions, breach causes,
/// collaboration, approval of major changes and major incidents. Each is one domain operation
/// in the store's ticket transaction.
public struct HandlingService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
    }

    var changes: TicketChanges { tickets.changes }

    /// The SLA timeline of a ticket for staff: counted periods, pauses, extensions, breaches,
    /// fired and upcoming timers, under the policy version it runs on.
    public func timeline(_ number: String, for user: User) async throws -> (SLAPolicyRecord, TicketView, SLAExplanation)
    {
        let view = try await tickets.view(number, for: user)
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "sla") }
        let policy = try await policy(of: view)
        let events = try await store.events(ticketId: view.ticket.id, includeInternal: true)
        return (policy, view, SLAExplanation(ticket: view.ticket, events: events, rules: view.rules, now: clock.now()))
    }

    /// The SLA policy version the ticket runs on (R2.4).
    func policy(of view: TicketView) async throws -> SLAPolicyRecord {
        guard let policy = try await store.slaPolicies().first(where: { $0.id == view.ticket.slaPolicyId }) else {
            throw UseCaseError.notFound(resource: "sla_policy")
        }
        return policy
    }

    /// The record a supervisor reviews before the final close (R5.5): solution, times against
    /// targets, pauses, breaches with cause, the requester's feedback.
    public func review(_ number: String, for user: User) async throws -> (SLAPolicyRecord, TicketView, TicketReview) {
        let view = try await tickets.view(number, for: user)
        guard TicketReview.mayRead(user.actor) else { throw UseCaseError.forbidden(action: "review") }
        let events = try await store.events(ticketId: view.ticket.id, includeInternal: true)
        let review = try TicketReview(ticket: view.ticket, events: events, rules: view.rules, now: clock.now())
        return (try await policy(of: view), view, review)
    }

    public func requestExtension(_ ref: TicketRef, dueAt: Date, reason: String?, by user: User) async throws
        -> TicketView
    {
        try await changes.apply(ref, by: user) { ticket, rules, now in
            try SLAExtensions.request(dueAt: dueAt, reason: reason, on: ticket, by: user.actor, at: now, rules: rules)
        }
    }

    public func decideExtension(_ ref: TicketRef, id: Int, approve: Bool, note: String?, by user: User) async throws
        -> TicketView
    {
        try await changes.apply(ref, by: user) { ticket, rules, now in
            try SLAExtensions.decide(
                id, approve: approve, note: note, on: ticket, by: user.actor, at: now, rules: rules)
        }
    }

    /// Extension requests waiting for a supervisor (R3.5), newest first.
    public func pendingExtensions(limit: Int, for user: User) async throws -> [(Ticket, ExtensionRequest)] {
        guard user.role == .supervisor || user.role == .admin else {
            throw UseCaseError.forbidden(action: "extensions")
        }
        guard (1...500).contains(limit) else { throw UseCaseError.invalidValue(field: "limit") }
        return try await store.ticketsWithPendingExtensions(limit: limit).flatMap { ticket in
            (ticket.extensions ?? []).filter { $0.status == .pending }.map { (ticket, $0) }
        }
    }

    public func recordBreachCause(_ ref: TicketRef, cause: String?, by user: User) async throws -> TicketView {
        try await changes.apply(ref, by: user) { ticket, _, now in
            try SLAExtensions.recordBreachCause(cause, on: ticket, by: user.actor, at: now)
        }
    }

    public func askCollaborator(_ ref: TicketRef, groupId: Int64?, contact: String?, question: String?, by user: User)
        async throws -> TicketView
    {
        if let groupId { try await tickets.requireGroup(groupId, field: "groupId") }
        return try await changes.apply(ref, by: user) { ticket, rules, now in
            try Collaborations.ask(
                groupId: groupId, contact: contact, question: question, on: ticket, by: user.actor, at: now,
                rules: rules)
        }
    }

    /// Collaborators from another group may answer without otherwise seeing the ticket (R4.7).
    public func answerCollaboration(_ ref: TicketRef, id: Int, answer: String?, by user: User) async throws
        -> TicketView
    {
        let now = clock.now()
        return TicketView(
            try await store.updateTicket(number: ref.number) { ticket, _ in
                try Collaborations.answer(id, answer: answer, on: ticket, by: user.actor, at: now)
            })
    }

    public func setLeadGroup(_ ref: TicketRef, groupId: Int64?, by user: User) async throws -> TicketView {
        if let groupId { try await tickets.requireGroup(groupId, field: "groupId") }
        return try await changes.apply(ref, by: user) { ticket, _, now in
            try Collaborations.setLeadGroup(groupId, on: ticket, by: user.actor, at: now)
        }
    }

    /// Asks the requester (no approver given) or a named manager to approve a major change (R4.8).
    public func requestApproval(_ ref: TicketRef, change text: String?, approverId: Int64?, by user: User) async throws
        -> TicketView
    {
        var found: Principal?
        if let approverId {
            guard let account = try await store.user(id: approverId), account.active else {
                throw UseCaseError.invalidReference(field: "approverId")
            }
            found = account.actor
        }
        let approver = found
        return try await changes.apply(ref, by: user) { ticket, rules, now in
            try Approvals.request(change: text, approver: approver, on: ticket, by: user.actor, at: now, rules: rules)
        }
    }

    public func decideApproval(_ ref: TicketRef, approve: Bool, note: String?, by user: User) async throws -> TicketView
    {
        try await changes.apply(ref, by: user) { ticket, rules, now in
            try Approvals.decide(approve: approve, note: note, on: ticket, by: user.actor, at: now, rules: rules)
        }
    }

    public func declareMajorIncident(_ ref: TicketRef, by user: User) async throws -> TicketView {
        try await changes.apply(ref, by: user) { ticket, _, now in
            try MajorIncidents.declare(ticket, by: user.actor, at: now)
        }
    }

    /// Links each numbered ticket to the major incident (R8.2) in one transaction: a refused
    /// ticket leaves every one of them as it was.
    public func link(_ numbers: [String], to majorNumber: String, by user: User) async throws -> [LinkedTicket] {
        guard !numbers.isEmpty, numbers.count <= 200 else { throw UseCaseError.invalidValue(field: "numbers") }
        let major = try await tickets.visibleTicket(majorNumber, for: user)
        let now = clock.now()
        let actor = user.actor
        _ = try await store.updateTickets(numbers: Array(Set(numbers)).sorted()) { ticket, _, _ in
            // A ticket the user may not see is refused as missing, like the rest of the API.
            guard Access.canView(ticket, by: actor) else { throw UseCaseError.notFound(resource: "ticket") }
            return try MajorIncidents.link(ticket, to: major, by: actor, at: now)
        }
        return try await store.linkedTickets(to: major.number)
    }

    public func linked(to majorNumber: String, for user: User) async throws -> [LinkedTicket] {
        let major = try await tickets.visibleTicket(majorNumber, for: user)
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "major_incident") }
        return try await store.linkedTickets(to: major.number)
    }

    /// Sends the ticket back to the requester for missing details (R1.3).
    public func requestInfo(_ ref: TicketRef, fields: [String], note: String?, by user: User) async throws
        -> TicketView
    {
        try await changes.apply(ref, by: user) { ticket, rules, now in
            try InfoRequests.request(fields: fields, note: note, on: ticket, by: user.actor, at: now, rules: rules)
        }
    }

    /// The requester fills in what was asked; the ticket returns to the queue (R1.3).
    public func provideInfo(_ ref: TicketRef, details: [String: String], note: String?, by user: User) async throws
        -> TicketView
    {
        try await changes.apply(ref, by: user) { ticket, rules, now in
            try InfoRequests.provide(details: details, note: note, on: ticket, by: user.actor, at: now, rules: rules)
        }
    }

    /// Staff confirm the recorded information is complete (R1.7); the reminder is cancelled.
    public func checkInformation(_ ref: TicketRef, by user: User) async throws -> TicketView {
        try await changes.apply(ref, by: user) { ticket, _, now in
            try Registration.checkInformation(on: ticket, by: user.actor, at: now)
        }
    }

    /// The handler's plan (R4.4); a public one is shown to the requester.
    public func recordPlan(_ ref: TicketRef, _ command: PlanCommand, by user: User) async throws -> TicketView {
        try await changes.apply(ref, by: user) { ticket, _, now in
            try HandlingPlans.record(
                kind: command.kind, steps: command.steps, eta: command.eta, support: command.support,
                visibility: command.public == true ? .public : .internal, on: ticket, by: user.actor, at: now)
        }
    }

    /// A major incident's retrospective (R7.4), for those who run the desk.
    public func retrospective(_ number: String, for user: User) async throws -> (TicketView, IncidentRetrospective) {
        let view = try await tickets.view(number, for: user)
        guard IncidentRetrospective.mayRead(user.actor) else { throw UseCaseError.forbidden(action: "retrospective") }
        let events = try await store.events(ticketId: view.ticket.id, includeInternal: true)
        let linked = try await store.linkedTickets(to: view.ticket.number).map {
            IncidentRetrospective.Linked(
                number: $0.number, title: $0.title, status: $0.status, requesterUserId: $0.requesterUserId)
        }
        let retrospective = try IncidentRetrospective(
            ticket: view.ticket, events: events, linked: linked, rules: view.rules, now: clock.now())
        return (view, retrospective)
    }

    /// Records a retrospective's root cause and preventive actions (R7.4).
    public func recordRetrospective(
        _ ref: TicketRef, rootCause: String?, preventiveActions: String?, by user: User
    ) async throws -> TicketView {
        try await changes.apply(ref, by: user) { ticket, _, now in
            try MajorIncidents.recordRetrospective(
                rootCause: rootCause, preventiveActions: preventiveActions, on: ticket, by: user.actor, at: now)
        }
    }

    /// A status update to leadership, the linked requesters and `audience` (R8.2); every group
    /// named must exist.
    public func broadcast(
        _ ref: TicketRef, what: String?, impact: String?, expectedRecovery: Date?,
        audience: BroadcastAudience = BroadcastAudience(), by user: User
    ) async throws -> TicketView {
        if !audience.groupIds.isEmpty {
            let known = Set(try await store.groups().map(\.id))
            guard audience.groupIds.allSatisfy(known.contains) else {
                throw UseCaseError.invalidValue(field: "groupIds")
            }
        }
        let requesters = try await store.linkedTickets(to: ref.number).compactMap(\.requesterUserId)
        return try await changes.apply(ref, by: user) { ticket, _, now in
            try MajorIncidents.broadcast(
                what: what, impact: impact, expectedRecovery: expectedRecovery, on: ticket,
                linkedRequesters: requesters, audience: audience, by: user.actor, at: now)
        }
    }
}
