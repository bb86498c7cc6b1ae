import Foundation
import HelpdeskCore
import HelpdeskStore
import HummingbirdBcrypt
import Logging

/// The stores every store and server test runs on: SQLite always, PostgreSQL when
/// `HELPDESK_TEST_DATABASE_URL` points at a server (CI sets it). Each test gets a fresh,
/// migrated and seeded database of its own.
public enum StoreKind: String, CaseIterable, Sendable {
    case sqlite
    case postgres
}

public enum TestStores {
    public static let postgresURL = ProcessInfo.processInfo.environment["HELPDESK_TEST_DATABASE_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// The kinds available in this run.
    public static var kinds: [StoreKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public static let adminPassword = "admin-secret-1"
    /// bcrypt hash of ``adminPassword``, computed once per test process.
    public static let adminHash = Bcrypt.hash(adminPassword, cost: 4)

    public static let logger: Logger = {
        var logger = Logger(label: "helpdesk.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a fresh seeded store of `kind` and removes it afterwards.
    public static func with<T: Sendable>(
        _ kind: StoreKind, _ body: (SQLStore) async throws -> T
    ) async throws -> T {
        switch kind {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "helpdesk-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let database = try await SQLiteDatabase.open(
                path: dir.appendingPathComponent("t.sqlite").path, logger: logger)
            let store = try await prepared(database, seedHash: adminHash)
            do {
                let result = try await body(store)
                await database.close()
                return result
            } catch {
                await database.close()
                throw error
            }
        case .postgres:
            return try await withEmptyPostgres { url in
                let database = try PostgresDatabase(url: url, maxConnections: 40, logger: logger)
                let runner = Task { try await database.run() }
                defer { runner.cancel() }
                return try await body(try await prepared(database, seedHash: adminHash))
            }
        }
    }

    /// Runs `body` with the URL of a new, empty PostgreSQL database, dropped afterwards.
    public static func withEmptyPostgres<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let baseURL = postgresURL else { throw TestStoreError.postgresNotConfigured }
        let name = "hd_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await admin(baseURL) {
            try await $0.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(replacingDatabase(in: baseURL, with: name)))
        } catch {
            result = .failure(error)
        }
        try? await admin(baseURL) {
            try await $0.read { db in try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            }
        }
        return try result.get()
    }

    public static func prepared(_ database: any Database, seedHash: String) async throws -> SQLStore {
        try await Migrations.run(on: database)
        let store = SQLStore(database: database)
        try await Seeder.seedIfEmpty(
            store, adminPasswordHash: seedHash, now: Date(timeIntervalSince1970: 1_790_000_000))
        return store
    }

    static func admin(_ url: String, _ body: (PostgresDatabase) async throws -> Void) async throws {
        let database = try PostgresDatabase(url: url, maxConnections: 2, logger: logger)
        let runner = Task { try await database.run() }
        defer { runner.cancel() }
        try await body(database)
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}

public enum TestStoreError: Error {
    case postgresNotConfigured
}
