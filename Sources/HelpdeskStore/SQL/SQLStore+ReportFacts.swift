import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func reportFacts(_ query: ReportQuery) async throws -> [ReportFactsRow] {
        // The document only where the stored facts cannot be read: an open ticket, a row not
        // filled yet, or facts of another version.
        let prefix = SettledFacts.prefix
        let columns = """
            id, report_facts,
            CASE WHEN report_facts IS NULL OR substr(report_facts, 1, \(prefix.count)) <> '\(prefix)' THEN doc END AS doc
            """
        let rows = try await database.read { db in try await db.raw(Self.reportSQL(columns, query)).all() }
        var read: [ReportFactsRow?] = []
        read.reserveCapacity(rows.count)
        var damaged: [Int: Int64] = [:]
        for row in rows {
            let id = try row.int("id")
            if let text = try row.optionalString("report_facts"), text.hasPrefix(prefix) {
                if let settled = SettledFacts(text: text, id: id) {
                    read.append(.settled(settled))
                } else {
                    damaged[read.count] = id
                    read.append(nil)
                }
            } else {
                var ticket = try Self.decode(ReportTicket.self, json: try row.string("doc"))
                ticket.id = id
                read.append(.unsettled(ticket))
            }
        }
        // Facts that do not read back are not trusted: their tickets are read instead.
        if !damaged.isEmpty {
            let tickets = Dictionary(
                try await reportTickets(ids: Array(damaged.values)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }
            )
            for (index, id) in damaged {
                guard let ticket = tickets[id] else { throw StoreError.notFound("ticket") }
                read[index] = .unsettled(ReportTicket(ticket))
            }
        }
        return read.compactMap { $0 }
    }

    public func reportTickets(ids: [Int64]) async throws -> [Ticket] {
        guard !ids.isEmpty else { return [] }
        var tickets: [Ticket] = []
        // A few hundred ids at a time keeps every statement within both databases' limits.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(ids.count, start + 500)]
            var sql: SQLQueryString = "SELECT id, doc FROM tickets WHERE id IN ("
            for (index, id) in chunk.enumerated() { sql += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
            sql += ") ORDER BY id"
            let statement = sql
            let batch = try await database.read { db in try await db.raw(statement).all().map(Self.ticket(from:)) }
            tickets += batch
        }
        return tickets.sorted { $0.id < $1.id }
    }

    /// Stores the facts (M028) of up to `limit` resolved tickets that have none, a batch in one
    /// transaction; returns how many it filled (0 once every resolved ticket has them).
    public func fillReportFacts(limit: Int) async throws -> Int {
        try await write { db in
            let rows = try await db.raw(
                """
                SELECT id, sla_policy_id, doc FROM tickets
                WHERE report_facts IS NULL AND resolved_at IS NOT NULL ORDER BY id LIMIT \(literal: max(1, limit))
                """
            ).all()
            for row in rows {
                let ticket = try Self.ticket(from: row)
                let rules = try await self.rules(policyId: try row.int("sla_policy_id"), on: db)
                // A row whose column says resolved while its document does not (none should be)
                // gets empty facts rather than being picked again at every pass.
                try await db.raw(
                    """
                    UPDATE tickets SET report_facts = \(bind: Self.settledFacts(of: ticket, rules: rules) ?? "")
                    WHERE id = \(bind: ticket.id)
                    """
                ).run()
            }
            return rows.count
        }
    }
}
