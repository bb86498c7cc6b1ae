import Foundation
import HelpdeskCore

/// What the SLA engine persists beyond the ticket itself: due timers and the ticket links of
/// major incidents and extension requests. Part of ``HelpdeskStore``.
public protocol EngineStore: Sendable {
    /// Fires the due timers of up to `limit` tickets, one transaction per ticket: the fired keys,
    /// the effects, their events and notices commit together, so each timer fires once even
    /// with several schedulers on one database. Returns how many tickets changed.
    func fireDueTimers(now: Date, limit: Int) async throws -> Int
    /// After the engine's settings change: every ticket not closed gets its next timer computed
    /// again under the current settings, in short batches, before this returns. Due timers
    /// keep firing meanwhile; none waits behind the replan.
    func replanTimers() async throws

    /// Tickets linked to a major incident (R8.2).
    func linkedTickets(to majorNumber: String) async throws -> [LinkedTicket]
    /// Open tickets with an extension request waiting for a decision (R3.5), newest first.
    func ticketsWithPendingExtensions(limit: Int) async throws -> [Ticket]
}
