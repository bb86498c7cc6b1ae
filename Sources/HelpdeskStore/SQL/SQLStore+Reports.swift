import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func trackingRecords(_ query: ReportQuery) async throws -> [TrackingRecord] {
        // The masked description and the score have columns of their own (M021); a row written
        // before them is read from its document, extracted by the database (decoding whole
        // documents in Swift was most of an export's time).
        let document = Self.documentFields(database.dialect)
        let fields = """
            report_description,
            CASE WHEN report_description IS NULL THEN \(document.description) END AS description,
            CASE WHEN report_description IS NULL THEN \(document.score) ELSE satisfaction_score END AS score
            """
        let columns = """
            id, number, submitted_at, priority, group_id, assignee_id, response_due_at, responded_at, resolved_at,
            status, breach_cause, \(fields)
            """
        return try await database.read { db in
            try await db.raw(Self.reportSQL(columns, query)).all().map(Self.trackingRecord(from:))
        }
    }

    /// The query's tickets in submission order, keyset-paged on `tickets_submitted`.
    static func reportSQL(_ columns: String, _ query: ReportQuery) -> SQLQueryString {
        // The range starts at the cursor, not the period's start: SQLite takes one lower bound
        // for the index range, and with the period's it walked every row before the cursor
        // again for each batch (70 ms a batch at the end of a million-row export, 0.5 ms now).
        let from = max(query.from.millis, query.after?.submittedAt.millis ?? .min)
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM tickets
            WHERE submitted_at >= \(bind: from) AND submitted_at < \(bind: query.until.millis)
            """
        if let after = query.after {
            let millis = after.submittedAt.millis
            // A row value, which both databases read as one range of the (submitted_at, id)
            // index; PostgreSQL turned the equivalent OR into a bitmap of the whole rest of the
            // period for every batch (35 ms a batch at a million tickets, against 1.4 ms).
            sql += " AND (submitted_at, id) > (\(bind: millis), \(bind: after.id))"
        }
        if let id = query.groupId { sql += " AND group_id = \(bind: id)" }
        if let id = query.assigneeId { sql += " AND assignee_id = \(bind: id)" }
        if let priority = query.priority { sql += " AND priority = \(bind: priority.rawValue)" }
        if let id = query.categoryId { sql += " AND (category_id = \(bind: id) OR subcategory_id = \(bind: id))" }
        sql += " ORDER BY submitted_at, id LIMIT \(bind: max(1, min(query.limit, 5000)))"
        return sql
    }

    static func trackingRecord(from row: any SQLRow) throws -> TrackingRecord {
        let date = { (column: String) in try row.optionalInt(column).map(Date.init(millis:)) }
        let masked = try row.optionalString("report_description")
        var record = TrackingRecord(
            id: try row.int("id"), number: try row.string("number"),
            submittedAt: Date(millis: try row.int("submitted_at")),
            description: try masked ?? row.optionalString("description") ?? "",
            priority: Priority(rawValue: try row.string("priority")) ?? .p3, groupId: try row.optionalInt("group_id"),
            assigneeId: try row.optionalInt("assignee_id"), responseDueAt: Date(millis: try row.int("response_due_at")),
            respondedAt: try date("responded_at"),
            resolvedAt: try date("resolved_at"), status: TicketStatus(rawValue: try row.string("status")) ?? .new,
            satisfactionScore: try row.optionalInt("score").map { Int($0) },
            breachCause: try row.optionalString("breach_cause"))
        record.descriptionMasked = masked != nil
        return record
    }

    /// The description and the satisfaction score as the database extracts them from a ticket's
    /// document, for rows written before their columns (M021).
    static func documentFields(_ dialect: Dialect) -> (description: String, score: String) {
        switch dialect {
        case .sqlite:
            ("json_extract(doc, '$.description')", "json_extract(doc, '$.satisfaction.score')")
        case .postgres:
            ("doc::jsonb ->> 'description'", "(doc::jsonb -> 'satisfaction' ->> 'score')::bigint")
        }
    }

    /// Fills the report columns (M021) of up to `limit` tickets written before them, a batch in
    /// one transaction; returns how many it filled (0 once every row has them).
    public func fillReportColumns(limit: Int) async throws -> Int {
        let document = Self.documentFields(database.dialect)
        return try await write { db in
            let rows = try await db.raw(
                """
                SELECT id, \(unsafeRaw: document.description) AS description, \(unsafeRaw: document.score) AS score
                FROM tickets WHERE report_description IS NULL ORDER BY id LIMIT \(literal: max(1, limit))
                """
            ).all()
            for row in rows {
                try await db.raw(
                    """
                    UPDATE tickets SET report_description = \(bind: Masking.text(try row.optionalString("description") ?? "")),
                        satisfaction_score = \(bind: try row.optionalInt("score"))
                    WHERE id = \(bind: try row.int("id"))
                    """
                ).run()
            }
            return rows.count
        }
    }
}
