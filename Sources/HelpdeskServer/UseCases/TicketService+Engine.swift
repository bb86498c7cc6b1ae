import Foundation
import HelpdeskCore
import HelpdeskStore

/// The SLA engine's ticket use cases: extensions, breach causes, collaboration, approval and
/// major incidents. Each is one domain operation in the store's ticket transaction.
extension TicketService {
    func requestExtension(_ ref: TicketRef, dueAt: Date, reason: String?, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, rules, now in
            try SLAExtensions.request(dueAt: dueAt, reason: reason, on: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
    }

    func decideExtension(_ ref: TicketRef, id: Int, approve: Bool, note: String?, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, rules, now in
            try SLAExtensions.decide(id, approve: approve, note: note, on: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
    }

    func recordBreachCause(_ ref: TicketRef, cause: String?, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, _, now in
            try SLAExtensions.recordBreachCause(cause, on: ticket, by: user.actor, at: now)
        }.ticket
    }

    func askCollaborator(_ ref: TicketRef, groupId: Int64?, contact: String?, question: String?, by user: User)
        async throws -> Ticket
    {
        if let groupId { try await requireGroup(groupId, field: "groupId") }
        return try await change(ref, by: user) { ticket, rules, now in
            try Collaborations.ask(
                groupId: groupId, contact: contact, question: question, on: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
    }

    func answerCollaboration(_ ref: TicketRef, id: Int, answer: String?, by user: User) async throws -> Ticket {
        // Collaborators from another group may answer without otherwise seeing the ticket.
        let now = clock.now()
        return try await store.updateTicket(number: ref.number) { ticket, _ in
            try Collaborations.answer(id, answer: answer, on: ticket, by: user.actor, at: now)
        }.ticket
    }

    func setLeadGroup(_ ref: TicketRef, groupId: Int64?, by user: User) async throws -> Ticket {
        if let groupId { try await requireGroup(groupId, field: "groupId") }
        return try await change(ref, by: user) { ticket, _, now in
            try Collaborations.setLeadGroup(groupId, on: ticket, by: user.actor, at: now)
        }.ticket
    }

    func requestApproval(_ ref: TicketRef, change text: String?, approverId: Int64?, by user: User) async throws -> Ticket {
        if let approverId {
            guard let approver = try await store.user(id: approverId), approver.active else {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": "approverId"])
            }
        }
        return try await change(ref, by: user) { ticket, rules, now in
            try Approvals.request(change: text, approverId: approverId, on: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
    }

    func decideApproval(_ ref: TicketRef, approve: Bool, note: String?, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, rules, now in
            try Approvals.decide(approve: approve, note: note, on: ticket, by: user.actor, at: now, rules: rules)
        }.ticket
    }

    func declareMajorIncident(_ ref: TicketRef, by user: User) async throws -> Ticket {
        try await change(ref, by: user) { ticket, _, now in
            try MajorIncidents.declare(ticket, by: user.actor, at: now)
        }.ticket
    }

    /// Links each numbered ticket to the major incident, one ticket transaction each; a refused
    /// ticket stops the rest, the ones before it stay linked.
    func link(_ numbers: [String], to majorNumber: String, by user: User) async throws -> [LinkedTicket] {
        let major = try await visibleTicket(majorNumber, for: user)
        for number in numbers {
            _ = try await change(TicketRef(number: number, expectedVersion: nil), by: user) { ticket, _, now in
                try MajorIncidents.link(ticket, to: major, by: user.actor, at: now)
            }
        }
        return try await store.linkedTickets(to: major.number)
    }

    func broadcast(_ ref: TicketRef, what: String?, impact: String?, expectedRecovery: Date?, by user: User)
        async throws -> Ticket
    {
        let requesters = try await store.linkedTickets(to: ref.number).compactMap(\.requesterUserId)
        return try await change(ref, by: user) { ticket, _, now in
            try MajorIncidents.broadcast(
                what: what, impact: impact, expectedRecovery: expectedRecovery, on: ticket, linkedRequesters: requesters,
                by: user.actor, at: now)
        }.ticket
    }

    /// Resolving a major incident resolves every open linked ticket with its solution (R8.2).
    func resolveLinked(to major: Ticket) async throws {
        let now = clock.now()
        for linked in try await store.linkedTickets(to: major.number) where linked.isOpen {
            do {
                _ = try await store.updateTicket(number: linked.number) { ticket, rules in
                    guard let change = MajorIncidents.resolveLinked(ticket, major: major, at: now, rules: rules) else {
                        throw CascadeSkipped()
                    }
                    return change
                }
            } catch is CascadeSkipped {
                continue
            }
        }
    }
}

/// A linked ticket that was no longer open when the cascade reached it.
private struct CascadeSkipped: Error {}
