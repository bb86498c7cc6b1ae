import Synchronization

/// Collects what an async stream yields, in the background, for tests that wait for an element.
public final class StreamRecorder<Element: Sendable>: Sendable {
    private final class Seen: Sendable { let list = Mutex<[Element]>([]) }
    private let seen = Seen()
    private let task: Task<Void, Never>

    public init(_ stream: AsyncStream<Element>) {
        let seen = self.seen
        task = Task { for await element in stream { seen.list.withLock { $0.append(element) } } }
    }

    public var elements: [Element] { seen.list.withLock { $0 } }

    /// Waits up to `timeout` until `predicate` holds for what was recorded so far.
    public func waitFor(_ timeout: Duration = .seconds(5), _ predicate: ([Element]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if predicate(elements) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return predicate(elements)
    }

    public func stop() { task.cancel() }
}
