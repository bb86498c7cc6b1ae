import HelpdeskCore
import HelpdeskStore
import Synchronization

/// Live updates for the pages a user has open: queues, the P0/P1 board and the inbox.
///
/// Staff are told when tickets change, everyone when their own unread count changes. An update
/// names no ticket, so the page that looks again goes through the same access checks as any
/// other request. Ticket updates are coalesced to at most one per `ticketInterval`: under load a
/// queue refreshes once a second, not once a write.
public struct LiveService: Sendable {
    let store: any LiveStore & NotificationStore

    public init(store: any LiveStore & NotificationStore) {
        self.store = store
    }

    /// Whether a user is told about ticket changes at all (requesters follow their tickets
    /// through their inbox).
    public static func seesTicketLists(_ role: Role) -> Bool { role.isStaff }

    public func updates(for user: User, ticketInterval: Duration = .seconds(1)) -> AsyncStream<LiveUpdate> {
        let changes = store.live.subscribe()
        let (stream, output) = AsyncStream.makeStream(of: LiveUpdate.self, bufferingPolicy: .bufferingNewest(16))
        let throttle = TicketThrottle(interval: ticketInterval, output: output)
        let seesTickets = Self.seesTicketLists(user.role)
        let store = store
        let task = Task {
            var unread: Int?
            for await change in changes {
                switch change {
                case .tickets:
                    if seesTickets { throttle.changed() }
                case .inbox(let userId) where userId == user.id:
                    guard let count = try? await store.unreadCount(userId: user.id), count != unread else { continue }
                    unread = count
                    output.yield(.inbox(unread: count))
                case .inbox:
                    continue
                }
            }
            throttle.cancel()
            output.finish()
        }
        output.onTermination = { _ in task.cancel() }
        return stream
    }
}

/// Passes the first ticket change on at once and the ones after it at most once per interval,
/// the last of a burst always (so a page never misses the final state).
private final class TicketThrottle: Sendable {
    private struct State {
        var lastSent: ContinuousClock.Instant?
        var scheduled = false
        var flush: Task<Void, Never>?
    }

    private let state = Mutex(State())
    private let interval: Duration
    private let output: AsyncStream<LiveUpdate>.Continuation

    init(interval: Duration, output: AsyncStream<LiveUpdate>.Continuation) {
        self.interval = interval
        self.output = output
    }

    func changed() {
        let now = ContinuousClock.now
        let delay = state.withLock { state -> Duration? in
            if state.scheduled { return nil }
            if let last = state.lastSent, now - last < interval {
                state.scheduled = true
                return interval - (now - last)
            }
            state.lastSent = now
            return .zero
        }
        guard let delay else { return }
        if delay == .zero {
            output.yield(.tickets)
            return
        }
        let flush = Task { [self] in
            try? await Task.sleep(for: delay)
            if Task.isCancelled { return }
            state.withLock {
                $0.lastSent = ContinuousClock.now
                $0.scheduled = false
                $0.flush = nil
            }
            output.yield(.tickets)
        }
        state.withLock { $0.flush = flush }
    }

    func cancel() {
        state.withLock { $0.flush }?.cancel()
    }
}
