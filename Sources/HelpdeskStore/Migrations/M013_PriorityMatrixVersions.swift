import Foundation

/// The priority matrix becomes versioned data like the SLA policies (R2.4): every save adds a
/// row to `priority_matrix_versions`, and a ticket records the version it was graded under.
/// The matrix the desk settings held (or the default, if none was saved) becomes version 1, and
/// every existing ticket was graded under it.
enum M013_PriorityMatrixVersions {
    /// `PriorityMatrix.default` as it was encoded when this migration shipped.
    static let defaultMatrix =
        #"{"high":{"high":"P0","low":"P2","medium":"P1"},"low":{"high":"P2","low":"P3","medium":"P3"},"medium":{"high":"P1","low":"P3","medium":"P2"}}"#

    static let migration = Migration(version: 13, name: "priority_matrix_versions") { dialect in
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return [
            """
            CREATE TABLE priority_matrix_versions (
                id \(dialect.primaryKey), version BIGINT NOT NULL UNIQUE, matrix TEXT NOT NULL, note TEXT,
                saved_by BIGINT, saved_at BIGINT NOT NULL)
            """,
            """
            INSERT INTO priority_matrix_versions (version, matrix, saved_at)
            SELECT 1, COALESCE((SELECT value FROM settings WHERE key = 'priority_matrix'), '\(defaultMatrix)'),
                COALESCE((SELECT updated_at FROM settings WHERE key = 'priority_matrix'), \(now))
            """,
            "DELETE FROM settings WHERE key = 'priority_matrix'",
            "ALTER TABLE tickets ADD COLUMN priority_matrix_version BIGINT NOT NULL DEFAULT 1",
        ]
    }
}
