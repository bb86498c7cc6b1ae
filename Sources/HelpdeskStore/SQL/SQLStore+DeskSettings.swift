import Foundation
import HelpdeskCore
import SQLKit

/// The typed settings over the `settings` table. The storage keys live here and nowhere else.
extension SQLStore {
    enum SettingKey {
        static let ticketNumberFormat = "ticket_number_format"
        static let reopenWindowDays = "reopen_window_days"
        static let allowInternalWebhookTargets = "allow_internal_webhook_targets"
        static let requestersSeeDepartment = "requesters_see_department"
        static let kbSeparateReviewer = "kb_separate_reviewer"
        static let problemMinimumTickets = "problem_minimum_tickets"
        static let problemWindowDays = "problem_window_days"
        static let engine = "sla_engine"
    }

    public func deskSettings() async throws -> DeskSettings { try await deskSettings(on: nil) }

    /// Cached as one value: intake and every ticket change read it.
    func deskSettings(on db: (any SQLDatabase)?) async throws -> DeskSettings {
        let value = try await settingsCache.value("desk") {
            try await withConnection(db) { db in
                let defaults = DeskSettings.default
                return DeskSettings(
                    ticketNumberFormat: try await Self.storedSetting(
                        SettingKey.ticketNumberFormat, as: TicketNumberFormat.self, on: db)
                        ?? defaults.ticketNumberFormat,
                    reopenWindowDays: try await Self.storedSetting(SettingKey.reopenWindowDays, as: Int.self, on: db)
                        ?? defaults.reopenWindowDays,
                    allowInternalWebhookTargets: try await Self.storedSetting(
                        SettingKey.allowInternalWebhookTargets, as: Bool.self, on: db)
                        ?? defaults.allowInternalWebhookTargets,
                    requestersSeeDepartment: try await Self.storedSetting(
                        SettingKey.requestersSeeDepartment, as: Bool.self, on: db)
                        ?? defaults.requestersSeeDepartment,
                    kbSeparateReviewer: try await Self.storedSetting(
                        SettingKey.kbSeparateReviewer, as: Bool.self, on: db)
                        ?? defaults.kbSeparateReviewer,
                    problemMinimumTickets: try await Self.storedSetting(
                        SettingKey.problemMinimumTickets, as: Int.self, on: db)
                        ?? defaults.problemMinimumTickets,
                    problemWindowDays: try await Self.storedSetting(SettingKey.problemWindowDays, as: Int.self, on: db)
                        ?? defaults.problemWindowDays)
            }
        }
        return value as? DeskSettings ?? .default
    }

    /// The settings are written together: a change is never half saved.
    public func saveDeskSettings(_ settings: DeskSettings, now: Date) async throws {
        try await setSettings(
            [
                (SettingKey.ticketNumberFormat, try Self.json(settings.ticketNumberFormat)),
                (SettingKey.reopenWindowDays, try Self.json(settings.reopenWindowDays)),
                (SettingKey.allowInternalWebhookTargets, try Self.json(settings.allowInternalWebhookTargets)),
                (SettingKey.requestersSeeDepartment, try Self.json(settings.requestersSeeDepartment)),
                (SettingKey.kbSeparateReviewer, try Self.json(settings.kbSeparateReviewer)),
                (SettingKey.problemMinimumTickets, try Self.json(settings.problemMinimumTickets)),
                (SettingKey.problemWindowDays, try Self.json(settings.problemWindowDays)),
            ], now: now)
    }

    public func engineSettings() async throws -> SLAEngineSettings { try await engineSettings(on: nil) }

    func engineSettings(on db: (any SQLDatabase)?) async throws -> SLAEngineSettings {
        try await setting(SettingKey.engine, as: SLAEngineSettings.self, on: db) ?? .default
    }

    /// Runs `body` on `db` when given (inside a transaction), else on a reader connection.
    func withConnection<T: Sendable>(
        _ db: (any SQLDatabase)?, _ body: @Sendable @escaping (any SQLDatabase) async throws -> T
    ) async throws -> T {
        if let db { return try await body(db) }
        return try await database.read(body)
    }

    static func storedSetting<T: Decodable>(_ key: String, as type: T.Type, on db: any SQLDatabase) async throws -> T? {
        try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first().map {
            try decode(T.self, json: try $0.string("value"))
        }
    }

    public func saveEngineSettings(_ settings: SLAEngineSettings, now: Date) async throws {
        try await setSetting(SettingKey.engine, settings, now: now)
        try await replanTimers()
    }
}
