import Foundation

/// The ticket workflow as a transition table (R4.9). Pure: the caller passes the time and
/// persists the returned ticket and events in one transaction.
public enum Workflow {
    /// From which statuses each action is legal.
    public static let sources: [WorkflowAction: Set<TicketStatus>] = [
        .assign: [.new, .assigned, .inProgress],
        .accept: [.assigned],
        .start: [.new],
        .bounce: [.assigned],
        .wait: [.inProgress],
        .block: [.inProgress, .waitingOnRequester],
        .resume: [.waitingOnRequester, .blocked],
        .escalate: [.new, .assigned, .inProgress, .waitingOnRequester, .blocked],
        .resolve: [.inProgress],
        .verify: [.verifying],
        .failVerification: [.verifying],
        .confirm: [.resolved],
        .reject: [.resolved],
        .rate: [.resolved, .confirmed, .reviewed],
        .review: [.resolved, .confirmed],
        .close: [.reviewed, .new, .assigned],
        .reopen: [.resolved, .confirmed, .reviewed, .closed],
    ]

    /// Actions that must carry a reason (who, when, *why*).
    static let needsReason: Set<WorkflowAction> = [.bounce, .block, .escalate, .reject, .reopen, .failVerification]

    /// Whether `action` on this ticket must carry a reason: the actions above always, and
    /// closing a ticket that skipped the review (R4.9: closed without being resolved).
    public static func requiresReason(_ action: WorkflowAction, on ticket: Ticket) -> Bool {
        needsReason.contains(action) || (action == .close && ticket.status != .reviewed)
    }

    /// The actions this actor may take on this ticket now; what a UI offers.
    public static func availableActions(for ticket: Ticket, by actor: Principal, at now: Date, rules: TicketRules)
        -> [WorkflowAction]
    {
        WorkflowAction.allCases.filter { action in
            guard sources[action]?.contains(ticket.status) == true, isPermitted(action, ticket, actor) else {
                return false
            }
            if action == .rate { return ticket.satisfaction == nil }
            if action == .escalate { return ticket.tier.next != nil }
            if action == .resume, ticket.approval?.status == .pending { return false }
            if action == .reopen, ticket.status == .closed, let closedAt = ticket.closedAt {
                return now.timeIntervalSince(closedAt) <= rules.reopenWindow
            }
            return true
        }
    }

    public static func apply(
        _ request: TransitionRequest, to ticket: Ticket, by actor: Principal, at now: Date, rules: TicketRules
    ) throws(WorkflowError) -> TicketChange {
        let action = request.action
        guard isPermitted(action, ticket, actor) else { throw .forbidden(action: action.rawValue) }
        // Only a reopen (within the window) changes a closed ticket.
        if ticket.status == .archived { throw .ticketArchived }
        if ticket.status == .closed, action != .reopen { throw .ticketClosed }
        guard sources[action]?.contains(ticket.status) == true else {
            throw .illegalTransition(action: action, from: ticket.status)
        }
        if action == .resume, ticket.approval?.status == .pending { throw .approvalPending }
        let reason = request.reason.flatMap(trimmed)
        if requiresReason(action, on: ticket), reason == nil {
            throw .reasonRequired(action: action.rawValue)
        }
        if request.outOfScope, action != .close { throw .invalidValue(field: "outOfScope") }

        var next = ticket
        var data: [String: String] = [:]
        var responds = false
        var visibility = TicketEvent.Visibility.public
        var notices: [Notice] = []

        switch action {
        case .assign:
            guard let assignee = request.assigneeId else { throw .fieldRequired("assigneeId") }
            next.assigneeId = assignee
            if let group = request.groupId { next.groupId = group }
            next.status = .assigned
            next.assignedAt = now
            data["assignee_id"] = String(assignee)
            notices.append(Notice(.assigned, ticket: ticket, to: [.user(assignee)], at: now))
        case .accept:
            next.status = .inProgress
            responds = true
        case .start:
            next.assigneeId = actor.id
            next.assignedAt = now
            next.status = .inProgress
            responds = true
            data["assignee_id"] = String(actor.id)
        case .bounce:
            next.assigneeId = nil
            next.assignedAt = nil
            next.status = .new
            visibility = .internal
            notices.append(
                Notice(.bounced, ticket: ticket, to: Recipient.lead(of: ticket), at: now, ["reason": reason ?? ""]))
        case .wait:
            next.status = .waitingOnRequester
        case .block:
            next.status = .blocked
        case .resume:
            // Resumed without the details asked for (R1.3): the request is dropped.
            next.status = ticket.infoRequest?.resumeStatus ?? (ticket.assigneeId == nil ? .new : .inProgress)
            next.infoRequest = nil
        case .escalate:
            guard let tier = ticket.tier.next else { throw .tierCeiling }
            // A named engineer must work at the tier the ticket goes to, or above it.
            if let assignee = request.assignee, assignee.role == .agent, (assignee.tier ?? .l1) < tier {
                throw .invalidValue(field: "assigneeId")
            }
            next.tier = tier
            if let group = request.groupId { next.groupId = group }
            next.assigneeId = request.assigneeId
            next.assignedAt = request.assigneeId == nil ? nil : now
            next.status = request.assigneeId == nil ? .new : .assigned
            if var approval = ticket.approval, approval.status == .pending {
                // The approval goes up with the ticket: still blocked until it is decided, then
                // back to the new tier's queue or its named engineer (R4.8).
                approval.resumeStatus = next.status
                next.approval = approval
                next.status = .blocked
            }
            let told = request.assigneeId.map { [Recipient.user($0)] } ?? Recipient.staff(at: tier, of: next)
            notices.append(
                Notice(.escalated, ticket: next, to: told, at: now, ["tier": tier.rawValue, "rule": "manual"]))
            data["tier"] = tier.rawValue
            if let assignee = request.assigneeId { data["assignee_id"] = String(assignee) }
            visibility = .internal
        case .resolve:
            guard let solution = request.solution.flatMap(trimmed) else { throw .fieldRequired("solution") }
            next.solution = solution
            if let cause = request.rootCause.flatMap(trimmed) { next.rootCause = cause }
            responds = true
            if Verifications.isRequired(for: ticket, rules: rules) {
                // Checked internally first (R5.1): the requester hears nothing yet, and the
                // solution stays off their history until it passes.
                next.status = .verifying
                next.verification = Verification(resolverId: actor.id, requestedAt: now)
                visibility = .internal
                data["verification"] = "required"
                notices.append(Notice(.verificationRequested, ticket: next, to: Verifications.pool(of: next), at: now))
            } else {
                next.status = .resolved
                next.verification = nil
                notices.append(Notice(.resolved, ticket: next, to: Recipient.requester(of: ticket), at: now))
            }
        case .verify:
            next.status = .resolved
            next.verification?.verifierId = actor.id
            next.verification?.verifierName = actor.name
            next.verification?.verifiedAt = now
            notices.append(Notice(.resolved, ticket: next, to: Recipient.requester(of: ticket), at: now))
        case .failVerification:
            next.status = ticket.assigneeId == nil ? .new : .inProgress
            next.verification = nil
            visibility = .internal
            let resolver = ticket.verification?.resolverId ?? actor.id
            data["resolver_id"] = String(resolver)
            notices.append(
                Notice(
                    .verificationFailed, ticket: next,
                    to: Verifications.failureRecipients(of: ticket, resolverId: resolver), at: now,
                    ["reason": reason ?? ""]))
        case .confirm:
            next.status = .confirmed
        case .reject:
            next.status = ticket.assigneeId == nil ? .new : .inProgress
        case .rate:
            guard ticket.satisfaction == nil else { throw .alreadyRated }
            guard let rating = request.satisfaction else { throw .fieldRequired("satisfaction") }
            guard (1...5).contains(rating.score) else { throw .invalidValue(field: "satisfaction.score") }
            next.satisfaction = rating
            data["level"] = rating.level.rawValue
            data["score"] = String(rating.score)
        case .review:
            next.status = .reviewed
        case .close:
            next.status = .closed
            next.closedAt = now
            next.closeReason = reason
            if request.outOfScope {
                // Politely closed with the reason, still numbered and counted (R1.6).
                guard ticket.status == .new || ticket.status == .assigned else {
                    throw .invalidValue(field: "outOfScope")
                }
                next.outOfScope = true
                data["out_of_scope"] = "true"
                notices.append(
                    Notice(
                        .outOfScope, ticket: ticket, to: Recipient.requester(of: ticket), at: now,
                        ["reason": reason ?? ""]))
            }
        case .reopen:
            if ticket.status == .closed, let closedAt = ticket.closedAt,
                now.timeIntervalSince(closedAt) > rules.reopenWindow
            {
                throw .reopenWindowExpired
            }
            next.closedAt = nil
            next.closeReason = nil
            next.autoClosed = nil  // open again: no longer closed, by the engine or anyone (R5.4)
            next.status = ticket.assigneeId == nil ? .new : .inProgress
        }

        if responds && next.sla.respondedAt == nil {
            next.sla = next.sla.applying(.firstResponse(at: now), policy: rules.policy, calendar: rules.calendar)
        }
        if next.status != ticket.status {
            next.sla = next.sla.applying(
                .status(at: now, to: next.status), policy: rules.policy, calendar: rules.calendar)
        }
        next.updatedAt = now
        next.version += 1
        if actor.role.isStaff {
            next.lastUpdateAt = now
            if visibility == .public { next.lastPublicUpdateAt = now }
        }
        let event = TicketEvent(
            kind: .transition, action: action, fromStatus: ticket.status, toStatus: next.status, actor: actor,
            at: now, reason: reason,
            body: action == .resolve || action == .verify ? next.solution : request.satisfaction?.comment,
            visibility: visibility, data: data)
        return TicketChange(ticket: next, events: [event], notices: notices)
    }

    static func isPermitted(_ action: WorkflowAction, _ ticket: Ticket, _ actor: Principal) -> Bool {
        guard Access.canView(ticket, by: actor) else { return false }
        let isHandler = ticket.assigneeId == actor.id && actor.role.isStaff
        let isOwner = ticket.requester.userId == actor.id
        let isManager = actor.role == .supervisor || actor.role == .admin
        switch action {
        case .assign: return actor.role.isStaff
        case .accept, .bounce: return isHandler
        case .start: return actor.role.isStaff
        case .wait, .block, .resolve: return isHandler || isManager
        case .resume: return isHandler || isManager || (isOwner && ticket.status == .waitingOnRequester)
        case .escalate: return isHandler || actor.role.seesAllTickets
        case .confirm, .reject, .rate: return isOwner || isManager
        case .review: return isManager
        case .verify, .failVerification: return Verifications.mayVerify(ticket, by: actor)
        case .close:
            return isManager || (actor.role == .problemManager && ticket.status != .reviewed)
        case .reopen: return isOwner || isHandler || actor.role.seesAllTickets
        }
    }

    static func trimmed(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
