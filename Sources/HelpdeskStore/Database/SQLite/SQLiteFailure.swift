import VaporCSQLite

/// An error libsqlite3 reported to ``SQLiteHandle``, with its extended result code.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    init(db: OpaquePointer, code: Int32) {
        // The connection's extended code says which constraint failed; `code` is the step's own.
        let extended = sqlite_nio_sqlite3_extended_errcode(db)
        self.code = extended != SQLITE_OK ? extended : code
        self.message = String(cString: sqlite_nio_sqlite3_errmsg(db))
    }

    /// A UNIQUE or PRIMARY KEY constraint failed.
    var isUniqueViolation: Bool { code == Self.constraintUnique || code == Self.constraintPrimaryKey }

    // The extended codes are C macro expressions, which Swift does not import.
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)

    var description: String { "SQLite error \(code): \(message)" }
}
