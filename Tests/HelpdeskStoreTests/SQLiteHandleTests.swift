import Foundation
import NIOCore
import SQLKit
import SQLiteKit
import Testing

@testable import HelpdeskStore

/// The writer's direct libsqlite3 connection: values round-trip as SQLiteNIO's did, errors
/// carry their constraint, and a statement kept prepared is reused cleanly after a failure.
@Suite struct SQLiteHandleTests {
    private func session() throws -> (SQLiteSession, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("handle-\(UUID().uuidString).sqlite")
            .path
        let handle = try SQLiteHandle(path: path)
        return (
            SQLiteSession(
                handle: handle, logger: .init(label: "test"), eventLoop: MultiThreadedEventLoopGroup.singleton.any()),
            path
        )
    }

    static let texts = [
        "", "a", "财务系统无法登录", "emoji 🧾 and ＣＲＭ", "nul\u{0}inside", String(repeating: "长", count: 10_000),
    ]

    /// The value bound into a statement and read back from its row.
    private func roundTrip<T: Codable & Sendable>(_ value: T) async throws -> T? {
        let (db, path) = try session()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await db.raw("SELECT \(bind: value) AS value").first()?.decode(column: "value", as: T.self)
    }

    @Test(arguments: texts)
    func textRoundTrips(_ text: String) async throws {
        #expect(try await roundTrip(text) == text)
    }

    static let integers: [Int64] = [0, 1, -1, Int64.max, Int64.min, 1_764_633_600_000]

    @Test(arguments: integers)
    func integerRoundTrips(_ value: Int64) async throws {
        #expect(try await roundTrip(value) == value)
    }

    @Test func nullsFloatsAndBlobs() async throws {
        let (db, path) = try session()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Data((0...255).map { UInt8($0) } + [0, 0])
        let missing: String? = nil
        let row = try await db.raw("SELECT \(bind: missing) AS n, \(bind: 2.5) AS f, \(bind: bytes) AS b").first()
        #expect(try row?.decodeNil(column: "n") == true)
        #expect(try row?.decode(column: "f", as: Double.self) == 2.5)
        #expect(try row?.decode(column: "b", as: Data.self) == bytes)
        #expect(row?.contains(column: "missing") == false)
        #expect(row?.allColumns == ["n", "f", "b"])
    }

    @Test func aUniqueViolationIsReportedAndTheStatementIsReusedAfterIt() async throws {
        let (db, path) = try session()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await db.raw("CREATE TABLE t (name TEXT PRIMARY KEY, n INTEGER NOT NULL)").run()
        for (name, n) in [("王小明", 1), ("李雷", 2)] {
            try await db.raw("INSERT INTO t (name, n) VALUES (\(bind: name), \(bind: n))").run()
        }
        await #expect {
            try await db.raw("INSERT INTO t (name, n) VALUES (\(bind: "王小明"), \(bind: 3))").run()
        } throws: { isUniqueViolation($0) }
        try await db.raw("INSERT INTO t (name, n) VALUES (\(bind: "韩梅梅"), \(bind: 4))").run()
        let rows = try await db.raw("SELECT name, n FROM t ORDER BY n").all()
        #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["王小明", "李雷", "韩梅梅"])
    }

    @Test func aSyntaxErrorIsThrownWithSQLitesMessage() async throws {
        let (db, path) = try session()
        defer { try? FileManager.default.removeItem(atPath: path) }
        await #expect {
            try await db.raw("SELEC 1").run()
        } throws: { ($0 as? SQLiteFailure)?.message.contains("syntax error") == true }
    }
}

/// R1.5: a ticket number given to a requester survives power loss, not only a crash, so the
/// writer syncs the WAL at every commit.
@Suite struct SQLiteDurabilityTests {
    @Test func theWriterCommitsWithSynchronousFull() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("durable-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try await SQLiteDatabase.open(path: path, readers: 1, logger: .init(label: "test"))
        let level = try await database.transaction { db in
            try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        }
        let mode = try await database.transaction { db in
            try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
        await database.close()
        #expect(level == 2)  // FULL
        #expect(mode == "wal")
    }
}
