import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite in WAL mode: one writer connection and a few reader connections that read
/// concurrently with it. The writer is driven directly (``SQLiteHandle``), the readers through
/// SQLiteNIO's thread pool, so a long read never holds up a task thread.
///
/// Writes use group commit: transactions that arrive while another is running queue up and
/// run one after another inside a single `BEGIN IMMEDIATE … COMMIT`, which is what lets one
/// writer keep up with many clients. If any transaction in a group throws, the group is rolled
/// back and its transactions are run again one by one, each in its own transaction, so a
/// failing one never takes the others' changes with it.
public final class SQLiteDatabase: Database {
    public let dialect = Dialect.sqlite
    /// One process owns an SQLite file, so its own commits are all the changes there are.
    public let live = LiveFeed()
    private let writer: SQLiteSession
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<Int>(0)
    private let queue = Mutex(WriteQueue())
    private let logger: Logger
    /// Most transactions one commit may carry.
    static let maxGroup = 32

    public static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLiteDatabase {
        let writer = try SQLiteHandle(path: path)
        let session = SQLiteSession(
            handle: writer, logger: logger, eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        let setup: [SQLQueryString] = [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
        ]
        for statement in setup { try await session.raw(statement).run() }
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
            try await reader.sql().raw("PRAGMA busy_timeout = 5000").run()
            try await reader.sql().raw("PRAGMA query_only = ON").run()
            readers.append(reader)
        }
        return SQLiteDatabase(writer: session, readers: readers, logger: logger)
    }

    private init(writer: SQLiteSession, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).oldValue
        let reader = readers[abs(index % readers.count)]
        return try await body(reader.sql(queryLogLevel: nil))
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        let result = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<any Sendable, any Error>) in
            let job = WriteJob(run: { db in try await body(db) }, continuation: continuation)
            let lead = queue.withLock { queue -> Bool in
                queue.pending.append(job)
                if queue.leading { return false }
                queue.leading = true
                return true
            }
            if lead { Task { await self.drain() } }
        }
        return result as! T
    }

    /// Runs queued transactions in groups until the queue is empty.
    private func drain() async {
        while true {
            let group = queue.withLock { queue -> [WriteJob] in
                let group = Array(queue.pending.prefix(Self.maxGroup))
                queue.pending.removeFirst(group.count)
                if group.isEmpty { queue.leading = false }
                return group
            }
            if group.isEmpty { return }
            await run(group)
        }
    }

    private func run(_ group: [WriteJob]) async {
        let db = writer
        if group.count > 1 {
            var results: [any Sendable] = []
            var changes: Set<LiveChange> = []
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                for job in group {
                    let (result, marks) = try await ChangeMarks.collecting { try await job.run(db) }
                    results.append(result)
                    changes.formUnion(marks)
                }
                try await db.raw("COMMIT").run()
                live.publish(changes)
                for (job, result) in zip(group, results) { job.continuation.resume(returning: result) }
                return
            } catch {
                try? await db.raw("ROLLBACK").run()
            }
        }
        for job in group {
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                let (result, changes) = try await ChangeMarks.collecting { try await job.run(db) }
                try await db.raw("COMMIT").run()
                live.publish(changes)
                job.continuation.resume(returning: result)
            } catch {
                try? await db.raw("ROLLBACK").run()
                job.continuation.resume(throwing: error)
            }
        }
    }

    public func close() async {
        live.finish()
        for connection in readers { try? await connection.close().get() }
        writer.handle.close()
    }
}

private struct WriteJob: Sendable {
    let run: @Sendable (any SQLDatabase) async throws -> any Sendable
    let continuation: CheckedContinuation<any Sendable, any Error>
}

private struct WriteQueue {
    var pending: [WriteJob] = []
    var leading = false
}
