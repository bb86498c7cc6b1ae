import Foundation
import NIOCore
import SQLiteNIO
import Synchronization
import VaporCSQLite

/// One libsqlite3 connection driven directly, on the calling thread, with its statements kept
/// prepared.
///
/// SQLiteNIO runs every statement as a job on a thread pool and hands each row back through
/// an event loop, so one statement costs three thread switches; for the single writer, whose
/// transactions are short and run one after another, those switches were most of the work
/// (see docs/BENCHMARKS.md). Here a statement runs where it is called and its compiled form is
/// reused, which the writer can afford because nothing else ever waits on it but the write
/// queue.
final class SQLiteHandle: Sendable {
    private let state: Mutex<State>
    /// Most statements kept prepared; the store issues a few dozen distinct ones.
    static let cacheLimit = 256

    private struct State: ~Copyable {
        var handle: OpaquePointer?
        var statements: [String: OpaquePointer] = [:]
    }

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteFailure(code: status, message: message)
        }
        sqlite_nio_sqlite3_extended_result_codes(handle, 1)
        state = Mutex(State(handle: handle))
    }

    /// Runs one statement with its bound values, calling `onRow` for each row it returns.
    func run(_ sql: String, _ binds: [SQLiteData], onRow: (SQLiteValues) throws -> Void) throws {
        try state.withLock { state in
            guard let db = state.handle else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "connection closed") }
            let statement = try Self.statement(for: sql, in: &state, db: db)
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            for (index, value) in binds.enumerated() {
                let status = Self.bind(value, at: Int32(index + 1), in: statement)
                guard status == SQLITE_OK else { throw SQLiteFailure(db: db, code: status) }
            }
            var columns: SQLiteColumns?
            while true {
                let status = sqlite_nio_sqlite3_step(statement)
                if status == SQLITE_DONE { return }
                guard status == SQLITE_ROW else { throw SQLiteFailure(db: db, code: status) }
                let names = columns ?? SQLiteColumns(statement: statement)
                columns = names
                try onRow(
                    SQLiteValues(
                        columns: names, values: (0..<Int32(names.count)).map { Self.value(at: $0, in: statement) }))
            }
        }
    }

    func close() {
        state.withLock { state in
            for statement in state.statements.values { sqlite_nio_sqlite3_finalize(statement) }
            state.statements = [:]
            sqlite_nio_sqlite3_close_v2(state.handle)
            state.handle = nil
        }
    }

    private static func statement(for sql: String, in state: inout State, db: OpaquePointer) throws -> OpaquePointer {
        if let cached = state.statements[sql] { return cached }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw SQLiteFailure(db: db, code: status) }
        if state.statements.count >= cacheLimit {
            for statement in state.statements.values { sqlite_nio_sqlite3_finalize(statement) }
            state.statements = [:]
        }
        state.statements[sql] = statement
        return statement
    }

    private static func bind(_ value: SQLiteData, at index: Int32, in statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let value): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
        case .float(let value): return sqlite_nio_sqlite3_bind_double(statement, index, value)
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        case .text(let value):
            // The length is given, so a NUL inside the text is kept.
            return value.withCString { text in
                sqlite_nio_sqlite3_bind_text64(
                    statement, index, text, UInt64(value.utf8.count), transient, UInt8(SQLITE_UTF8))
            }
        case .blob(let value):
            return value.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), transient)
            }
        }
    }

    private static func value(at column: Int32, in statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let blob = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: blob, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// SQLite's "copy the value now" destructor, which the C macro spells as a cast of -1.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
