import Foundation
import HelpdeskCore
import HelpdeskStore
import SQLKit

/// Many tickets written straight into the tickets table, for tests that need a large desk:
/// copies of a stored ticket made by the database itself, `batch` rows per transaction.
public enum BulkTickets {
    public static let batch = 5_000

    /// Columns copied unchanged from the template row (everything but the id, number and document).
    static let copied = """
        title, status, is_open, priority, tier, type, category_id, subcategory_id, group_id, assignee_id,
        requester_user_id, requester_name, requester_external, created_by, submitted_at, updated_at,
        response_due_at, responded_at, resolution_due_at, resolved_at, next_due_at, next_timer_at,
        major_incident_number, pending_extension, sla_policy_id, version, sla, channel, requester_department
        """

    /// Inserts `count` copies of the stored ticket `template`, numbered `prefix1`, `prefix2`, …
    /// (in the document too); returns their numbers.
    @discardableResult
    public static func insert(
        _ count: Int, copiesOf template: Ticket, prefix: String, into store: SQLStore
    ) async throws -> [String] {
        let key = "\"number\":\""
        for first in stride(from: 1, through: count, by: batch) {
            let last = min(first + batch - 1, count)
            try await store.database.transaction { db in
                try await db.raw(
                    """
                    WITH RECURSIVE serial(n) AS (
                        SELECT \(bind: Int64(first)) UNION ALL SELECT n + 1 FROM serial WHERE n < \(bind: Int64(last)))
                    INSERT INTO tickets (number, \(unsafeRaw: copied), doc)
                    SELECT \(bind: prefix) || CAST(serial.n AS TEXT), \(unsafeRaw: copied),
                        REPLACE(doc, \(bind: key + template.number + "\""),
                            \(bind: key + prefix) || CAST(serial.n AS TEXT) || \(bind: "\""))
                    FROM tickets, serial WHERE tickets.id = \(bind: template.id)
                    """
                ).run()
            }
        }
        return (0..<count).map { prefix + String($0 + 1) }
    }

    /// Marks tickets whose number starts with `prefix` "not planned yet" (next timer 0), as the
    /// migration that introduced the engine left the tickets it found.
    public static func markUnplanned(prefix: String, in store: SQLStore) async throws {
        try await store.database.transaction { db in
            try await db.raw("UPDATE tickets SET next_timer_at = 0 WHERE number LIKE \(bind: prefix + "%")").run()
        }
    }

    /// Empties the report columns (M021), as a desk from before them has them.
    public static func clearReportColumns(in store: SQLStore) async throws {
        try await store.database.transaction { db in
            try await db.raw("UPDATE tickets SET report_description = NULL, satisfaction_score = NULL").run()
        }
    }

    /// The report columns of every ticket, in id order.
    public static func reportColumns(in store: SQLStore) async throws -> [(description: String?, score: Int64?)] {
        try await store.database.read { db in
            try await db.raw("SELECT report_description, satisfaction_score FROM tickets ORDER BY id").all().map {
                (
                    try $0.decode(column: "report_description", as: String?.self),
                    try $0.decode(column: "satisfaction_score", as: Int64?.self)
                )
            }
        }
    }

    /// The scheduler's next-timer column of a ticket, as stored.
    public static func nextTimerAt(number: String, in store: SQLStore) async throws -> Date? {
        try await store.database.read { db in
            try await db.raw("SELECT next_timer_at FROM tickets WHERE number = \(bind: number)").first()?
                .decode(column: "next_timer_at", as: Int64?.self)
                .map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
    }
}
