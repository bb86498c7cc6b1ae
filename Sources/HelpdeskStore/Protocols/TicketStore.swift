import Foundation
import HelpdeskCore

/// Tickets and their history. Part of ``HelpdeskStore``.
public protocol TicketStore: Sendable {
    /// Numbers and inserts a drafted ticket and its first event in one transaction:
    /// the per-scope counter and the insert commit together, so numbers have no gaps.
    func createTicket(_ draft: Ticket, event: TicketEvent, format: TicketNumberFormat, timeZone: TimeZone)
        async throws -> Ticket
    func ticket(number: String) async throws -> Ticket?
    /// Loads the ticket with a row lock, applies `change` and writes the result and its events
    /// in one transaction. Errors thrown by `change` leave the ticket untouched.
    func updateTicket(
        number: String, _ change: @escaping @Sendable (Ticket, TicketRules) throws -> TicketChange
    ) async throws -> TicketChange
    func tickets(_ query: TicketQuery, now: Date) async throws -> TicketPage
    func events(ticketId: Int64, includeInternal: Bool) async throws -> [TicketEvent]
}
