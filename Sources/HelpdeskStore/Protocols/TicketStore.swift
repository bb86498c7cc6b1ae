import Foundation
import HelpdeskCore

/// Tickets and their history. Part of ``HelpdeskStore``.
public protocol TicketStore: Sendable {
    /// Numbers and inserts a drafted ticket, its first event and its files in one transaction,
    /// running the SLA engine's timers due at once: the per-scope counter and the insert commit
    /// together, so numbers have no gaps. `rules` are the draft's policy's.
    func createTicket(
        _ draft: Ticket, event: TicketEvent, attachments: [AttachmentUpload], format: TicketNumberFormat,
        rules: TicketRules
    ) async throws -> StoredChange
    func ticket(number: String) async throws -> Ticket?
    /// Loads the ticket with a row lock, applies `change` and writes the result and its events
    /// in one transaction. Errors thrown by `change` leave the ticket untouched.
    func updateTicket(
        number: String, _ change: @escaping @Sendable (Ticket, TicketRules) throws -> TicketChange
    ) async throws -> StoredChange
    /// Applies `change` to each numbered ticket in order, in one transaction: all are written or
    /// none. `change` sees the changes made so far (a cascade follows its first ticket) and
    /// returns nil to leave a ticket as it is.
    func updateTickets(
        numbers: [String], _ change: @escaping @Sendable (Ticket, TicketRules, [TicketChange]) throws -> TicketChange?
    ) async throws -> [StoredChange]
    func tickets(_ query: TicketQuery, now: Date) async throws -> TicketPage
    func events(ticketId: Int64, includeInternal: Bool) async throws -> [TicketEvent]
}
