import Foundation
import SQLKit

/// One numbered schema step. Shipped migrations are never edited; new ones are appended to
/// ``Migrations/all``.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let statements: @Sendable (Dialect) -> [String]
}

public enum Migrations {
    /// Every migration in order.
    public static let all: [Migration] = [
        M001_InitialSchema.migration,
        M002_SLAEngine.migration,
        M003_Attachments.migration,
        M004_BreachCause.migration,
        M005_SignInFailures.migration,
        M006_AuditLog.migration,
        M007_ArchiveTimers.migration,
        M008_TicketChannel.migration,
        M009_AutoAssignment.migration,
        M010_ReplyTemplates.migration,
        M011_RequesterDepartment.migration,
        M012_CategoryVerification.migration,
        M013_PriorityMatrixVersions.migration,
        M014_DueOrderIndex.migration,
        M015_SearchIndex.migration,
        M017_Channels.migration,
        M018_MailMessages.migration,
        M019_ReportIndex.migration,
        M020_ReportSubscriptions.migration,
        M021_ReportColumns.migration,
        M022_MailLoops.migration,
        M023_IMConversations.migration,
        M024_Knowledge.migration,
        M025_Problems.migration,
        M026_AttachmentTexts.migration,
        M027_SearchWindows.migration,
        M028_SettledFacts.migration,
    ]

    /// Applies the missing migrations in one transaction. On PostgreSQL an advisory lock makes
    /// concurrent starts of several instances safe.
    @discardableResult
    public static func run(on database: any Database) async throws -> [Int] {
        try await database.transaction { db in
            if database.dialect == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(724201)").run()
            }
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
            let applied = Set(
                try await db.raw("SELECT version FROM schema_migrations").all().map {
                    try $0.decode(column: "version", as: Int64.self)
                })
            var ran: [Int] = []
            for migration in all where !applied.contains(Int64(migration.version)) {
                for statement in migration.statements(database.dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                try await db.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: Int64(migration.version)), \(bind: migration.name), \(bind: now))"
                ).run()
                ran.append(migration.version)
            }
            return ran
        }
    }
}
