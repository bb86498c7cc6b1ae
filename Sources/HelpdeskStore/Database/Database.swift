import SQLKit

/// A connection source for the store: SQLite (embedded) or PostgreSQL (scale-out).
/// Everything the two disagree on is answered by ``Dialect``.
public protocol Database: Sendable {
    var dialect: Dialect { get }
    /// Runs reads; no transaction, may run concurrently with other reads and writes.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async
    /// Where committed changes that open pages show are published (see ``LiveFeed``).
    var live: LiveFeed { get }
}
