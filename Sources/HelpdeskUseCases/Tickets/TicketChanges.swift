import Foundation
import HelpdeskCore
import HelpdeskStore

/// Runs a domain operation inside the store's ticket transaction for a user: the ticket must
/// be visible to them (else not found) and at the version they saw, if they said which.
struct TicketChanges: Sendable {
    typealias Operation = @Sendable (Ticket, TicketRules, Date) throws -> TicketChange

    let store: any HelpdeskStore
    let clock: AppClock

    func apply(_ ref: TicketRef, by user: User, _ operation: @escaping Operation) async throws -> TicketView {
        TicketView(try await store(ref, by: user, operation))
    }

    func store(_ ref: TicketRef, by user: User, _ operation: @escaping Operation) async throws -> StoredChange {
        let now = clock.now()
        let actor = user.actor
        return try await store.updateTicket(number: ref.number) { ticket, rules in
            try Self.check(ticket, ref, actor)
            return try operation(ticket, rules, now)
        }
    }

    /// The change to `ref`, then `follow` applied to each of `numbers` with the first ticket as
    /// it became, all in one transaction. `follow` returns nil to leave a ticket alone.
    func cascade(
        _ ref: TicketRef, by user: User, _ operation: @escaping Operation, then numbers: [String],
        _ follow: @escaping @Sendable (Ticket, TicketRules, Ticket, Date) throws -> TicketChange?
    ) async throws -> TicketView {
        let now = clock.now()
        let actor = user.actor
        let first = ref.number
        let stored = try await store.updateTickets(numbers: [first] + numbers.filter { $0 != first }) {
            ticket, rules, done in
            guard let lead = done.first?.ticket else {
                try Self.check(ticket, ref, actor)
                return try operation(ticket, rules, now)
            }
            guard ticket.status != .archived else { throw WorkflowError.ticketArchived }
            return try follow(ticket, rules, lead, now)
        }
        return TicketView(stored[0])
    }

    static func check(_ ticket: Ticket, _ ref: TicketRef, _ actor: Principal) throws {
        guard Access.canView(ticket, by: actor) else { throw UseCaseError.notFound(resource: "ticket") }
        // R4.7: an asked collaborator answers (HandlingService.answerCollaboration) and does nothing else.
        if Access.viewsOnlyAsCollaborator(ticket, actor) { throw UseCaseError.forbidden(action: "collaboration") }
        // R6.1: every change of an archived ticket is refused, whoever asks.
        guard ticket.status != .archived else { throw WorkflowError.ticketArchived }
        if let expected = ref.expectedVersion, expected != ticket.version {
            throw UseCaseError.versionConflict(current: ticket.version)
        }
    }
}
