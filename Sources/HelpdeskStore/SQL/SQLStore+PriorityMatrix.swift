import Foundation
import HelpdeskCore
import SQLKit

/// The priority matrix versions (R2.4, M013): immutable rows numbered from 1, like the SLA
/// policies. The current one is cached as the current policy is.
extension SQLStore {
    static let matrixColumns = """
        SELECT v.version, v.matrix, v.note, v.saved_by, v.saved_at, u.display_name AS saved_by_name
        FROM priority_matrix_versions v LEFT JOIN users u ON u.id = v.saved_by
        """

    public func priorityMatrixVersions() async throws -> [PriorityMatrixVersion] {
        try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.matrixColumns) ORDER BY v.version").all()
                .map(Self.matrixVersion(from:))
        }
    }

    public func priorityMatrixVersion(_ version: Int) async throws -> PriorityMatrixVersion? {
        try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.matrixColumns) WHERE v.version = \(bind: Int64(version))").first()
                .map(Self.matrixVersion(from:))
        }
    }

    public func currentPriorityMatrix() async throws -> PriorityMatrixVersion {
        try await currentMatrixCache.value(0) {
            try await database.read { db in
                try await db.raw("\(unsafeRaw: Self.matrixColumns) ORDER BY v.version DESC LIMIT 1").first()
                    .map(Self.matrixVersion(from:)) ?? .initial
            }
        }
    }

    /// The next number is read and written in one transaction. On PostgreSQL an advisory lock
    /// held to commit makes concurrent saves (from any instance) take turns, so each gets the
    /// next number rather than a unique-key failure; SQLite has one writer. The unique
    /// constraint on `version` stays as the last guard.
    public func addPriorityMatrixVersion(_ matrix: PriorityMatrix, note: String?, by userId: Int64?, now: Date)
        async throws -> PriorityMatrixVersion
    {
        defer { currentMatrixCache.invalidateAll() }
        let dialect = database.dialect
        return try await reportingDuplicates("version") {
            try await write { db in
                if dialect == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(724203)").run() }
                let latest =
                    try await db.raw("SELECT MAX(version) AS v FROM priority_matrix_versions").first()!
                    .optionalInt("v") ?? 0
                let next = latest + 1
                try await db.raw(
                    """
                    INSERT INTO priority_matrix_versions (version, matrix, note, saved_by, saved_at)
                    VALUES (\(bind: next), \(bind: try Self.json(matrix)), \(bind: note), \(bind: userId),
                        \(bind: now.millis))
                    """
                ).run()
                var name: String?
                if let userId {
                    name = try await db.raw("SELECT display_name FROM users WHERE id = \(bind: userId)").first()?
                        .string("display_name")
                }
                return PriorityMatrixVersion(
                    version: Int(next), matrix: matrix, savedById: userId, savedByName: name, savedAt: now,
                    note: note)
            }
        }
    }

    static func matrixVersion(from row: any SQLRow) throws -> PriorityMatrixVersion {
        PriorityMatrixVersion(
            version: Int(try row.int("version")),
            matrix: try decode(PriorityMatrix.self, json: try row.string("matrix")),
            savedById: try row.optionalInt("saved_by"), savedByName: try row.optionalString("saved_by_name"),
            savedAt: Date(millis: try row.int("saved_at")), note: try row.optionalString("note"))
    }
}
