import Synchronization

/// Fans committed ``LiveChange``s out to the subscribers of this process: the open pages'
/// event streams. On SQLite the database publishes here after each commit; on PostgreSQL every
/// instance publishes what arrives on its LISTEN connection, its own changes included, so all
/// instances on one database see the same changes.
///
/// A slow subscriber loses the oldest changes beyond its buffer, never blocks a writer: a
/// change only says "look again", and the newest one says it as well as all before it.
public final class LiveFeed: Sendable {
    private struct State {
        var next = 0
        var subscribers: [Int: AsyncStream<LiveChange>.Continuation] = [:]
        var finished = false
    }

    private let state = Mutex(State())
    static let buffer = 64
    private let subscribed: AsyncStream<Void>
    private let subscribedContinuation: AsyncStream<Void>.Continuation

    public init() {
        (subscribed, subscribedContinuation) = AsyncStream.makeStream(
            of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Returns once the feed has had a subscriber (at once if it has had one), false if it was
    /// finished first: an instance without open pages needs no listening connection.
    func firstSubscriber() async -> Bool {
        for await _ in subscribed { return true }
        return false
    }

    /// A stream of the changes published from now on; it ends when the subscriber stops
    /// iterating or the feed is finished.
    public func subscribe() -> AsyncStream<LiveChange> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: LiveChange.self, bufferingPolicy: .bufferingNewest(Self.buffer))
        let id = state.withLock { state -> Int? in
            if state.finished { return nil }
            state.next += 1
            state.subscribers[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        subscribedContinuation.yield()
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    public func publish<S: Sequence>(_ changes: S) where S.Element == LiveChange {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for change in changes {
            for subscriber in subscribers { subscriber.yield(change) }
        }
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every subscription (server shutdown) and refuses new ones.
    public func finish() {
        let subscribers = state.withLock { state -> [AsyncStream<LiveChange>.Continuation] in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
        subscribedContinuation.finish()
    }
}
