import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func reportTickets(_ query: ReportQuery) async throws -> [Ticket] {
        try await database.read { db in
            var sql: SQLQueryString = """
                SELECT id, doc FROM tickets
                WHERE submitted_at >= \(bind: query.from.millis) AND submitted_at < \(bind: query.until.millis)
                """
            if let after = query.after {
                let millis = after.submittedAt.millis
                sql +=
                    " AND (submitted_at > \(bind: millis) OR (submitted_at = \(bind: millis) AND id > \(bind: after.id)))"
            }
            if let id = query.groupId { sql += " AND group_id = \(bind: id)" }
            if let id = query.assigneeId { sql += " AND assignee_id = \(bind: id)" }
            if let priority = query.priority { sql += " AND priority = \(bind: priority.rawValue)" }
            if let id = query.categoryId { sql += " AND (category_id = \(bind: id) OR subcategory_id = \(bind: id))" }
            sql += " ORDER BY submitted_at, id LIMIT \(bind: max(1, min(query.limit, 5000)))"
            return try await db.raw(sql).all().map(Self.ticket(from:))
        }
    }
}
