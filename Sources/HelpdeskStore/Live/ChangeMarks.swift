import Synchronization

/// The ``LiveChange``s one transaction noted, published by its ``Database`` only once it has
/// committed: a rolled-back change never reaches a page.
///
/// The store's write paths call ``note(_:)``; the database binds a fresh collector to the task
/// running each transaction body, so notes outside a transaction are dropped.
final class ChangeMarks: Sendable {
    @TaskLocal static var current: ChangeMarks?

    private let marks = Mutex<Set<LiveChange>>([])

    static func note(_ change: LiveChange) {
        current?.marks.withLock { _ = $0.insert(change) }
    }

    var changes: Set<LiveChange> { marks.withLock { $0 } }

    /// Runs a transaction body with a fresh collector; returns its result and what it noted.
    static func collecting<T>(_ body: () async throws -> T) async throws -> (T, Set<LiveChange>) {
        let marks = ChangeMarks()
        let result = try await $current.withValue(marks) { try await body() }
        return (result, marks.changes)
    }
}
