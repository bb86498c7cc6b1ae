import Foundation

/// Lets at most `width` bodies run at once and at most `queueLimit` wait; beyond that it refuses
/// at once, so a flood of sign-ins queues no unbounded bcrypt work.
public actor ConcurrencyGate {
    public let width: Int
    public let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(width: Int, queueLimit: Int) {
        self.width = max(1, width)
        self.queueLimit = max(0, queueLimit)
    }

    /// Callers waiting for a slot now.
    public var waitingCount: Int { waiting.count }

    /// Thrown when `queueLimit` callers are already waiting.
    public struct Full: Error {}

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if running < width {
            running += 1
        } else {
            guard waiting.count < queueLimit else { throw Full() }
            // The slot is handed over by `leave()`, so `running` stays counted.
            await withCheckedContinuation { waiting.append($0) }
        }
        defer { leave() }
        return try await body()
    }

    private func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
