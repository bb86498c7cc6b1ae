import Foundation
import HelpdeskCore
import Logging
import SQLKit

extension SQLStore {
    /// Fires the SLA engine's due timers on a change inside its transaction, loading the event
    /// log only when an escalation needs the steps already tried, and says when the scheduler
    /// must look next. The plan is made once: a write with nothing due (nearly all of them)
    /// stores the first timer of that same plan.
    static func planAndRun(
        on change: TicketChange, ticketId: Int64?, rules: TicketRules, now: Date, on db: any SQLDatabase
    ) async throws -> (change: TicketChange, nextTimer: Date?) {
        let plan = SLAEngine.unfired(for: change.ticket, rules: rules)
        let due = plan.filter { $0.at <= now }
        guard !due.isEmpty else { return (change, plan.first?.at) }
        var history = change.events
        if let ticketId, due.contains(where: { $0.kind == .l1Escalation || $0.kind == .resolutionBreach }) {
            history = try await loadEvents(ticketId: ticketId, includeInternal: true, on: db) + change.events
        }
        guard let fired = SLAEngine.fire(change.ticket, rules: rules, history: history, now: now) else {
            return (change, plan.first?.at)
        }
        var result = TicketChange(
            ticket: fired.ticket, events: change.events + fired.events, notices: change.notices + fired.notices,
            attachments: change.attachments)
        result.scrub = fired.scrub ?? change.scrub
        return (result, SLAEngine.nextTimer(for: result.ticket, rules: rules))
    }

    /// Archiving an external requester's ticket (R9.3): their name on their own history entries
    /// is reduced as on the ticket, and the files go if the settings say so.
    static func apply(_ scrub: ArchiveScrub?, ticketId: Int64, on db: any SQLDatabase) async throws {
        guard let scrub else { return }
        if let requester = scrub.requesterUserId {
            try await db.raw(
                """
                UPDATE ticket_events SET actor_name = \(bind: scrub.maskedName)
                WHERE ticket_id = \(bind: ticketId) AND actor_id = \(bind: requester)
                """
            ).run()
        }
        if scrub.dropAttachments {
            try await db.raw("DELETE FROM attachment_texts WHERE ticket_id = \(bind: ticketId)").run()
            try await db.raw("DELETE FROM attachments WHERE ticket_id = \(bind: ticketId)").run()
        }
    }

    /// The notices' outbox rows; `ticketId` nil for notices about the desk rather than a ticket.
    static func writeOutbox(_ notices: [Notice], ticketId: Int64?, now: Date, on db: any SQLDatabase) async throws {
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
        // Genuinely due timers first, oldest first. Rows marked 0 ("plan me": tickets from before
        // the engine, see M002) are planned apart, after them and at most `limit` a call, so any
        // number of them never delays a due breach.
        let limit = max(1, limit)
        let candidates = try await database.read { db in
            let due = try await db.raw(
                """
                SELECT id, sla_policy_id FROM tickets WHERE next_timer_at > 0 AND next_timer_at <= \(bind: now.millis)
                ORDER BY next_timer_at LIMIT \(literal: limit)
                """
            ).all()
            let unplanned = try await db.raw(
                "SELECT id, sla_policy_id FROM tickets WHERE next_timer_at = 0 ORDER BY id LIMIT \(literal: limit)"
            ).all()
            return try (due + unplanned).map { (try $0.int("id"), try $0.int("sla_policy_id")) }
        }
        var changed = 0
        for (id, policyId) in candidates {
            let rules = try await rules(policyId: policyId)
            if try await fireDueTimers(ticketId: id, rules: rules, now: now) { changed += 1 }
        }
        return changed
    }

    /// Fires one ticket's due timers in one transaction; false when nothing was due any more.
    private func fireDueTimers(ticketId id: Int64, rules: TicketRules, now: Date) async throws -> Bool {
        let dialect = database.dialect
        return try await write { db -> Bool in
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
            var (result, nextTimer) = try await Self.planAndRun(
                on: TicketChange(ticket: ticket, events: []), ticketId: id, rules: rules, now: now, on: db)
            guard !result.events.isEmpty else {
                // Nothing due any more (the plan moved): store the next moment only.
                try await Self.writeDueColumns(of: ticket, rules: rules, now: now, nextTimer: nextTimer, on: db)
                return false
            }
            result.ticket.version += 1
            try await Self.writeDocument(of: result.ticket, rules: rules, now: now, nextTimer: nextTimer, on: db)
            try await Self.insert(result.events, ticketId: id, on: db)
            try await Self.apply(result.scrub, ticketId: id, on: db)
            try await Self.reindexIfChanged(from: ticket, to: result, dialect: dialect, on: db)
            try await Self.writeOutbox(result.notices, ticketId: id, now: now, on: db)
            return true
        }
    }

    /// Tickets replanned per transaction: short enough that ticket writes and the scheduler
    /// interleave with a replan of any size.
    static let replanBatch = 500

    public func replanTimers() async throws {
        // Each ticket's real next moment under the current settings (the caller has just saved
        // them, which emptied the settings cache), in id order, one short transaction per batch.
        // Rows are locked while planned, so a concurrent change of the same ticket waits or wins
        // (its own write plans the ticket with the same rules). Tickets opened under a policy
        // created meanwhile were planned at creation, with these settings: they are skipped.
        let policyIds = try await database.read { db in
            try await db.raw("SELECT DISTINCT sla_policy_id FROM tickets WHERE status <> 'archived'").all()
                .map { try $0.int("sla_policy_id") }
        }
        var rulesByPolicy: [Int64: TicketRules] = [:]
        for id in policyIds { rulesByPolicy[id] = try await rules(policyId: id) }
        let known = rulesByPolicy
        let dialect = database.dialect
        var cursor: Int64 = 0
        while true {
            let after = cursor
            let last = try await write { db -> Int64? in
                let rows = try await db.raw(
                    """
                    SELECT id, sla_policy_id, next_timer_at, doc FROM tickets
                    WHERE status <> 'archived' AND id > \(bind: after) ORDER BY id LIMIT \(literal: Self.replanBatch)
                    \(unsafeRaw: dialect.forUpdate)
                    """
                ).all()
                var planned: [(id: Int64, at: Int64)] = []
                var unplanned: [Int64] = []
                for row in rows {
                    guard let rules = known[try row.int("sla_policy_id")] else { continue }
                    let next = SLAEngine.nextTimer(for: try Self.ticket(from: row), rules: rules)?.millis
                    guard next != (try row.optionalInt("next_timer_at")) else { continue }
                    if let next {
                        planned.append((try row.int("id"), next))
                    } else {
                        unplanned.append(try row.int("id"))
                    }
                }
                try await Self.writeNextTimers(planned, none: unplanned, on: db)
                return try rows.last?.int("id")
            }
            guard let last else { return }
            cursor = last
        }
    }

    /// Stores the next-timer column of many tickets in two statements.
    static func writeNextTimers(_ planned: [(id: Int64, at: Int64)], none: [Int64], on db: any SQLDatabase) async throws
    {
        if !planned.isEmpty {
            var sql: SQLQueryString = "UPDATE tickets SET next_timer_at = CASE id"
            for (id, at) in planned { sql += " WHEN \(bind: id) THEN \(bind: at)" }
            sql += " END WHERE id IN (\(binds: planned.map(\.id)))"
            try await db.raw(sql).run()
        }
        if !none.isEmpty {
            try await db.raw("UPDATE tickets SET next_timer_at = NULL WHERE id IN (\(binds: none))").run()
        }
    }

    public func linkedTickets(to majorNumber: String) async throws -> [LinkedTicket] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT number, title, status, requester_user_id, is_open, submitted_at FROM tickets
                WHERE major_incident_number = \(bind: majorNumber) ORDER BY id
                """
            ).all().map {
                LinkedTicket(
                    number: try $0.string("number"), title: try $0.string("title"),
                    status: TicketStatus(rawValue: try $0.string("status")) ?? .new,
                    requesterUserId: try $0.optionalInt("requester_user_id"),
                    isOpen: try $0.int("is_open") != 0, submittedAt: Date(millis: try $0.int("submitted_at")))
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
