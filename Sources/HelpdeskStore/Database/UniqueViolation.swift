import PostgresNIO

/// Whether a database error is a unique-key violation: two writers raced for the same
/// username, name or version past the checks made before the insert.
func isUniqueViolation(_ error: any Error) -> Bool {
    if let error = error as? SQLiteFailure { return error.isUniqueViolation }
    if let error = error as? PSQLError { return error.serverInfo?[.sqlState] == "23505" }
    return false
}

/// Runs `body`, reporting a unique-key race as ``StoreError/duplicate(_:)`` of `field`, the
/// same answer the check before the insert gives, instead of a server error.
func reportingDuplicates<T>(_ field: String, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch  where isUniqueViolation(error) {
        throw StoreError.duplicate(field)
    }
}
