import Foundation
import HelpdeskCore
import HelpdeskStore

/// The ticket use cases every front end runs: intake, reading, queues, workflow moves and the
/// handling record. Each resolves references, calls the pure domain and persists the result
/// through the store in one transaction.
public struct TicketService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let readAudit: ReadAudit

    public init(store: any HelpdeskStore, clock: AppClock, readAudit: ReadAudit) {
        self.store = store
        self.clock = clock
        self.readAudit = readAudit
    }

    // MARK: Intake

    /// Takes a request in (R1.1–R1.5): requester, category route, suggested priority, number,
    /// the files with it and the SLA engine's immediate timers, all in one transaction.
    /// `intake` is the channel a message came in on (e-mail intake, issue #11), for a request
    /// the sender makes themselves: never decoded from a request.
    public func create(
        _ submission: TicketSubmission, attachments: [AttachmentUpload] = [], maxAttachmentBytes: Int = .max,
        by user: User, via intake: Channel? = nil
    ) async throws -> CreatedTicket {
        guard let policy = try await store.currentSLAPolicy() else {
            throw UseCaseError.notFound(resource: "sla_policy")
        }
        let rules = try await store.rules(policyId: policy.id)
        let requester = try await resolveRequester(submission.requester, for: user)
        let route = try await routeCategory(submission.categoryId, submission.subcategoryId)
        var groupId = route.groupId
        if let explicit = submission.groupId {
            guard user.role.isStaff else { throw UseCaseError.forbidden(action: "group") }
            try await requireGroup(explicit, field: "groupId")
            groupId = explicit
        }
        // Staff record phone and walk-in requests for others (R1.1); requesters use the portal or the API.
        let channel: Channel =
            intake
            ?? (user.role.isStaff
                ? submission.channel ?? (submission.requester == nil ? .api : .phone)
                : submission.channel == .api ? .api : .portal)
        let contact = submission.contact ?? (requester.userId == user.id ? user.phone ?? user.email : nil) ?? ""
        let input = NewTicket(
            type: submission.type ?? .fault, title: submission.title, description: submission.description,
            details: submission.details ?? [:], affectedSystem: submission.affectedSystem, requester: requester,
            contact: contact, channel: channel, impact: submission.impact, urgency: submission.urgency,
            categoryId: route.categoryId, subcategoryId: route.subcategoryId, groupId: groupId,
            receivedAt: submission.receivedAt)
        // Only staff registering a request on someone's behalf say when it came in (R1.7).
        if submission.receivedAt != nil, !user.role.isStaff, intake == nil {
            throw UseCaseError.forbidden(action: "receivedAt")
        }
        try TicketOperations.checkAttachments(attachments, maxBytes: maxAttachmentBytes)
        let settings = try await store.deskSettings()
        let matrix = try await store.currentPriorityMatrix()
        let now = clock.now()
        var draft = try Intake.draft(input, by: user.actor, at: now, matrix: matrix, policyId: policy.id)
        if let major = submission.majorIncident {
            // A duplicate of a known major incident, linked at intake (R8.2).
            guard user.role.isStaff else { throw UseCaseError.forbidden(action: "major_incident") }
            guard let incident = try await store.ticket(number: major), incident.majorIncident == true,
                incident.status.isOpen
            else { throw UseCaseError.invalidReference(field: "majorIncident") }
            draft.ticket.majorIncidentNumber = incident.number
        }
        let stored = try await store.createTicket(
            draft.ticket, event: draft.event, attachments: attachments.map { AttachmentDecoding.withText($0) },
            format: settings.ticketNumberFormat,
            rules: rules)
        let state = stored.ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        return CreatedTicket(
            view: TicketView(stored), warnings: draft.warnings,
            acknowledgement: Acknowledgement(for: stored.ticket, state: state, rules: rules), state: state)
    }

    // MARK: Reading

    /// The ticket if this user may see it; otherwise not found, so existence is not revealed.
    /// Who reads: the user, with their department when the desk lets requesters read their
    /// department's tickets (R9.1). Changes use `user.actor`, which never has it.
    func reader(_ user: User) async throws -> Principal {
        var actor = user.actor
        if user.role == .requester,
            let department = user.department?.trimmingCharacters(in: .whitespaces), !department.isEmpty,
            try await store.deskSettings().requestersSeeDepartment
        {
            actor.readsDepartment = department
        }
        return actor
    }

    /// Whether this requester may list their department's tickets (R9.1).
    public func readsDepartment(_ user: User) async throws -> Bool {
        try await reader(user).readsDepartment != nil
    }

    public func visibleTicket(_ number: String, for user: User) async throws -> Ticket {
        guard let ticket = try await store.ticket(number: number), Access.canView(ticket, by: try await reader(user))
        else {
            throw UseCaseError.notFound(resource: "ticket")
        }
        return ticket
    }

    /// The ticket for reading. Staff who see the requester's personal data in full leave an
    /// entry in the audit log (R9.5); the requester reading their own ticket does not.
    public func view(_ number: String, for user: User) async throws -> TicketView {
        let ticket = try await visibleTicket(number, for: user)
        if ticket.requester.userId != user.id, Access.hasFullAccess(ticket, by: user.actor) {
            try await readAudit.record(
                AuditEntry(
                    at: clock.now(), actor: user, action: .ticketViewed, subjectId: ticket.requester.userId,
                    ticketNumber: ticket.number))
        }
        return TicketView(ticket: ticket, rules: try await store.rules(policyId: ticket.slaPolicyId))
    }

    /// A masked field in the clear, on purpose (R9.2): any staff member who can open the ticket
    /// may ask, with a reason, and every reveal is in the audit log before the value is returned.
    public func reveal(_ number: String, field: RevealableField, reason: String, by user: User) async throws -> String {
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "reveal") }
        guard reason.unicodeScalars.count <= 500 else { throw UseCaseError.invalidValue(field: "reason") }
        guard let reason = TextInput.clean(reason, max: 500) else { throw UseCaseError.fieldRequired(field: "reason") }
        let ticket = try await visibleTicket(number, for: user)
        let value: String? =
            switch field {
            case .contact: ticket.contact
            case .requesterName: ticket.requester.name
            case .employeeNumber: ticket.requester.employeeNumber
            }
        guard let value else { throw UseCaseError.notFound(resource: "field") }
        try await readAudit.record(
            AuditEntry(
                at: clock.now(), actor: user, action: .ticketRevealed, subjectId: ticket.requester.userId,
                ticketNumber: ticket.number, detail: ["field": field.rawValue, "reason": reason]))
        return value
    }

    /// The acknowledgement of a ticket, for the page shown after submitting (R1.5, R8.3).
    public func acknowledgement(_ number: String, for user: User) async throws -> (TicketView, Acknowledgement) {
        let view = try await view(number, for: user)
        return (view, Acknowledgement(for: view.ticket, rules: view.rules, now: clock.now()))
    }

    /// The history; internal entries only for staff (R4.5), names masked as on the ticket (R9.2).
    public func history(_ number: String, for user: User) async throws -> (TicketView, [TicketEvent]) {
        let view = try await view(number, for: user)
        let events = try await store.events(ticketId: view.ticket.id, includeInternal: user.role.isStaff)
        return (view, Access.presented(events, of: view.ticket, to: user.actor))
    }

    /// A queue page: only tickets this user may see (R9.1), newest first, cursor-paged.
    public func list(_ filter: TicketFilter, for user: User) async throws -> TicketListing {
        guard TicketFilter.limits.contains(filter.limit) else { throw UseCaseError.invalidValue(field: "limit") }
        var query = TicketQuery(scope: Access.listScope(for: try await reader(user)))
        query.statuses = filter.statuses
        query.priorities = filter.priorities
        query.categoryId = filter.categoryId
        query.groupId = filter.groupId
        switch filter.assignee {
        case .me: query.assigneeId = user.id
        case .nobody: query.unassigned = true
        case .user(let id): query.assigneeId = id
        case nil: break
        }
        query.requesterId = filter.requesterId
        query.channel = filter.channel
        query.order = filter.order
        query.overdue = filter.overdue
        query.text = filter.text
        query.limit = filter.limit
        query.before = filter.cursor
        let page = try await store.tickets(query, now: clock.now())
        var rules: [Int64: TicketRules] = [:]
        for id in Set(page.tickets.map(\.slaPolicyId)) { rules[id] = try await store.rules(policyId: id) }
        return TicketListing(page: page, rules: rules)
    }

    // MARK: Changes

    public func transition(_ ref: TicketRef, _ command: TransitionCommand, by user: User) async throws -> TicketView {
        var found: Principal?
        if command.assigneeId != nil || command.groupId != nil {
            // Do not reveal whether users or groups exist to someone who cannot see the ticket.
            _ = try await visibleTicket(ref.number, for: user)
        }
        if let id = command.assigneeId {
            guard let target = try await store.user(id: id), target.role.isStaff, target.active else {
                throw UseCaseError.invalidReference(field: "assigneeId")
            }
            found = target.actor
        }
        let assignee = found
        if let group = command.groupId { try await requireGroup(group, field: "groupId") }
        let request = TransitionRequest(
            action: command.action, reason: command.reason, assigneeId: command.assigneeId, assignee: assignee,
            groupId: command.groupId, solution: command.solution, rootCause: command.rootCause,
            satisfaction: command.satisfaction, outOfScope: command.outOfScope ?? false)
        let operation: TicketChanges.Operation = { ticket, rules, now in
            try Workflow.apply(request, to: ticket, by: user.actor, at: now, rules: rules)
        }
        guard command.action == .resolve || command.action == .verify,
            let major = try await store.ticket(number: ref.number), major.majorIncident == true
        else { return try await changes.apply(ref, by: user, operation) }
        // Resolving a major incident resolves every open linked ticket with its solution, in the
        // same transaction (R8.2): all of them or none; when its category verifies solutions,
        // only once the check passed (R5.1: `resolveLinked` leaves them while it waits).
        let linked = try await store.linkedTickets(to: major.number).filter(\.isOpen).map(\.number)
        return try await changes.cascade(ref, by: user, operation, then: linked) { ticket, rules, major, now in
            MajorIncidents.resolveLinked(ticket, major: major, at: now, rules: rules)
        }
    }

    /// The internal check of a solution (R5.1): passed, the ticket is resolved and the requester
    /// told; failed, with a reason, it goes back to the handler. Core decides who may verify.
    public func verify(_ ref: TicketRef, _ command: VerificationCommand, by user: User) async throws -> TicketView {
        try await transition(
            ref, TransitionCommand(action: command.passed ? .verify : .failVerification, reason: command.reason),
            by: user)
    }

    public func addWorklog(_ ref: TicketRef, _ command: WorklogCommand, by user: User) async throws
        -> (TicketView, TicketEvent)
    {
        let visibility = command.visibility ?? (user.role.isStaff ? .internal : .public)
        let stored = try await changes.store(ref, by: user) { ticket, rules, now in
            try TicketOperations.addWorklog(
                command.body, visibility: visibility, to: ticket, by: user.actor, at: now, rules: rules)
        }
        return (TicketView(stored), stored.events[0])
    }

    public func setWorkaround(_ ref: TicketRef, _ command: WorkaroundCommand, by user: User) async throws -> TicketView
    {
        try await changes.apply(ref, by: user) { ticket, _, now in
            try TicketOperations.setWorkaround(
                command.workaround, eta: command.eta, on: ticket, by: user.actor, at: now)
        }
    }

    /// Graded under the current matrix version (R2.4); the event says which.
    public func changePriority(_ ref: TicketRef, _ command: PriorityCommand, by user: User) async throws -> TicketView {
        let matrix = try await store.currentPriorityMatrix()
        return try await changes.apply(ref, by: user) { ticket, rules, now in
            try TicketOperations.changePriority(
                to: command.priority, reason: command.reason, on: ticket, by: user.actor, at: now, rules: rules,
                matrix: matrix)
        }
    }

    public func changeCategory(_ ref: TicketRef, _ command: CategoryCommand, by user: User) async throws -> TicketView {
        let route = try await routeCategory(command.categoryId, command.subcategoryId)
        return try await changes.apply(ref, by: user) { ticket, _, now in
            try TicketOperations.changeCategory(
                categoryId: route.categoryId ?? command.categoryId, subcategoryId: route.subcategoryId,
                groupId: route.groupId, reason: command.reason, on: ticket, by: user.actor, at: now)
        }
    }

    /// Files added on the ticket page, stored with their history entry in one transaction.
    public func attach(_ ref: TicketRef, _ files: [AttachmentUpload], maxBytes: Int, by user: User) async throws
        -> TicketView
    {
        // R9.5: files are personal data too; the upload is audited with the ticket's change.
        let entry = AuditEntry(
            at: clock.now(), actor: user, action: .attachmentAdded, ticketNumber: ref.number,
            detail: ["files": String(files.count), "bytes": String(files.reduce(0) { $0 + $1.data.count })])
        return try await AuditTrail.recording(entry) {
            try await changes.apply(ref, by: user) { ticket, _, now in
                try TicketOperations.attach(
                    files.map { AttachmentDecoding.withText($0) }, maxBytes: maxBytes, to: ticket, by: user.actor,
                    at: now)
            }
        }
    }

    // MARK: Helpers shared with the other ticket services

    var changes: TicketChanges { TicketChanges(store: store, clock: clock) }

    private func resolveRequester(_ details: RequesterDetails?, for user: User) async throws -> Requester {
        guard let details else { return user.asRequester }
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "requester") }
        if let userId = details.userId {
            guard let account = try await store.user(id: userId) else {
                throw UseCaseError.invalidReference(field: "requester.userId")
            }
            return account.asRequester
        }
        if let username = details.username.flatMap({ TextInput.clean($0, max: 64) }) {
            guard let account = try await store.credentials(username: username)?.user else {
                throw UseCaseError.invalidReference(field: "requester.username")
            }
            return account.asRequester
        }
        return Requester(
            userId: nil, name: details.name ?? "", employeeNumber: details.employeeNumber,
            department: details.department,
            region: details.region, external: details.external ?? false)
    }

    /// The category and sub-category checked against the tree, and the group they route to (R4.1).
    func routeCategory(_ categoryId: Int64?, _ subcategoryId: Int64?) async throws -> CategoryRouting.Route {
        guard categoryId != nil || subcategoryId != nil else {
            return CategoryRouting.Route(categoryId: nil, subcategoryId: nil, groupId: nil)
        }
        do {
            return try CategoryRouting.route(
                categoryId: categoryId, subcategoryId: subcategoryId, in: try await store.categories())
        } catch let error as CategoryRouting.InvalidCategory {
            throw UseCaseError.invalidReference(field: error.field)
        }
    }

    func requireGroup(_ id: Int64, field: String) async throws {
        guard try await store.groups().contains(where: { $0.id == id }) else {
            throw UseCaseError.invalidReference(field: field)
        }
    }
}
