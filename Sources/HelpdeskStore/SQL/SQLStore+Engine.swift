import Foundation
import HelpdeskCore
import Logging
import SQLKit

extension SQLStore {
    /// Fires the SLA engine's due timers on a change inside its transaction, loading the event
    /// log only when an escalation needs the steps already tried.
    static func runEngine(
        on change: TicketChange, ticketId: Int64?, rules: TicketRules, now: Date, on db: any SQLDatabase
    ) async throws -> TicketChange {
        let due = SLAEngine.dueTimers(for: change.ticket, rules: rules, now: now)
        guard !due.isEmpty else { return change }
        var history = change.events
        if let ticketId, due.contains(where: { $0.kind == .l1Escalation || $0.kind == .resolutionBreach }) {
            history = try await loadEvents(ticketId: ticketId, includeInternal: true, on: db) + change.events
        }
        guard let fired = SLAEngine.fire(change.ticket, rules: rules, history: history, now: now) else { return change }
        return TicketChange(
            ticket: fired.ticket, events: change.events + fired.events, notices: change.notices + fired.notices)
    }

    static func writeOutbox(_ notices: [Notice], ticketId: Int64, now: Date, on db: any SQLDatabase) async throws {
        for notice in notices where !notice.recipients.isEmpty {
            try await db.raw(
                """
                INSERT INTO notification_outbox (ticket_id, notice, created_at)
                VALUES (\(bind: ticketId), \(bind: try json(notice)), \(bind: now.millis))
                """
            ).run()
        }
    }

    public func fireDueTimers(now: Date, limit: Int) async throws -> Int {
        let candidates = try await database.read { db in
            try await db.raw(
                """
                SELECT id, sla_policy_id FROM tickets WHERE next_timer_at <= \(bind: now.millis)
                ORDER BY next_timer_at LIMIT \(literal: max(1, limit))
                """
            ).all().map { (try $0.int("id"), try $0.int("sla_policy_id")) }
        }
        let dialect = database.dialect
        var changed = 0
        for (id, policyId) in candidates {
            let rules = try await rules(policyId: policyId)
            let fired = try await database.transaction { db -> Bool in
                // Re-checked under the lock: another scheduler may have fired it meanwhile, and
                // SKIP LOCKED lets this one move on while the other holds the row.
                guard
                    let row = try await db.raw(
                        """
                        SELECT id, doc FROM tickets WHERE id = \(bind: id) AND next_timer_at <= \(bind: now.millis)
                        \(unsafeRaw: dialect.forUpdateSkipLocked)
                        """
                    ).first()
                else { return false }
                let ticket = try Self.ticket(from: row)
                var result = try await Self.runEngine(
                    on: TicketChange(ticket: ticket, events: []), ticketId: id, rules: rules, now: now, on: db)
                guard !result.events.isEmpty else {
                    // Nothing due any more (the plan moved): store the next moment only.
                    try await Self.writeDueColumns(of: ticket, rules: rules, now: now, on: db)
                    return false
                }
                result.ticket.version += 1
                try await Self.writeDocument(of: result.ticket, rules: rules, now: now, on: db)
                try await Self.insert(result.events, ticketId: id, on: db)
                try await Self.writeOutbox(result.notices, ticketId: id, now: now, on: db)
                return true
            }
            if fired { changed += 1 }
        }
        return changed
    }

    public func replanTimers() async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE tickets SET next_timer_at = 0 WHERE status <> 'closed'").run()
        }
    }

    public func linkedTickets(to majorNumber: String) async throws -> [LinkedTicket] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT number, requester_user_id, is_open FROM tickets
                WHERE major_incident_number = \(bind: majorNumber) ORDER BY id
                """
            ).all().map {
                LinkedTicket(
                    number: try $0.string("number"), requesterUserId: try $0.optionalInt("requester_user_id"),
                    isOpen: try $0.int("is_open") != 0)
            }
        }
    }

    public func ticketsWithPendingExtensions(limit: Int) async throws -> [Ticket] {
        try await database.read { db in
            try await db.raw(
                "SELECT id, doc FROM tickets WHERE pending_extension = 1 ORDER BY id DESC LIMIT \(literal: max(1, min(limit, 500)))"
            ).all().map(Self.ticket(from:))
        }
    }
}
