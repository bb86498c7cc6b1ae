import Synchronization

/// A small read-through cache whose entries live for `ttl`. Instances share one database, so
/// an entry changed by another instance is seen at the latest `ttl` later; changes made through
/// this instance invalidate at once.
final class TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[Key: (value: Value, loadedAt: ContinuousClock.Instant)]>([:])
    private let ttl: Duration
    private let capacity: Int

    init(ttl: Duration, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func value(_ key: Key, load: () async throws -> Value) async throws -> Value {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[key] }), now - entry.loadedAt < ttl { return entry.value }
        let value = try await load()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (value, now)
        }
        return value
    }

    func invalidate(_ key: Key) { _ = entries.withLock { $0.removeValue(forKey: key) } }

    func invalidateAll() { entries.withLock { $0.removeAll() } }
}
