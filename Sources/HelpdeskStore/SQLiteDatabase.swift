import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite in WAL mode: one writer connection behind an async lock (transactions start with
/// `BEGIN IMMEDIATE`, so they never deadlock on lock upgrades) and a few reader connections
/// that read concurrently with the writer.
public final class SQLiteDatabase: Database {
    public let dialect = Dialect.sqlite
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<Int>(0)
    private let writeLock = AsyncLock()
    private let logger: Logger

    public static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLiteDatabase {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
        let setup: [SQLQueryString] = [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
        ]
        for statement in setup { try await writer.sql().raw(statement).run() }
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
            try await reader.sql().raw("PRAGMA busy_timeout = 5000").run()
            try await reader.sql().raw("PRAGMA query_only = ON").run()
            readers.append(reader)
        }
        return SQLiteDatabase(writer: writer, readers: readers, logger: logger)
    }

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).oldValue
        let reader = readers[abs(index % readers.count)]
        return try await body(reader.sql(queryLogLevel: nil))
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        let db = writer.sql(queryLogLevel: nil)
        do {
            try await db.raw("BEGIN IMMEDIATE").run()
            let result: T
            do {
                result = try await body(db)
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
            try await db.raw("COMMIT").run()
            await writeLock.unlock()
            return result
        } catch {
            await writeLock.unlock()
            throw error
        }
    }

    public func close() async {
        for connection in readers + [writer] { try? await connection.close().get() }
    }
}
