import Foundation
import SQLKit

extension SQLStore {
    public func settingOrInsert<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws -> T {
        let json = try Self.json(value)
        let stored = try await write { db in
            try await db.raw(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: json), \(bind: now.millis))
                ON CONFLICT (key) DO NOTHING
                """
            ).run()
            return try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()!.string("value")
        }
        settingsCache.invalidateAll()
        return try Self.decode(T.self, json: stored)
    }
}
