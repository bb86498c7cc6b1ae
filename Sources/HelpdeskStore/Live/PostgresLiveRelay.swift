import Logging
import PostgresNIO
import Synchronization

/// Carries live changes between the instances that share one PostgreSQL database.
///
/// Committed changes are queued and sent a moment later, coalesced, as one `NOTIFY` outside
/// the writing transaction: a transaction that notifies holds PostgreSQL's notification lock
/// from its commit record on, which would serialise the commits of busy writers. Each instance
/// keeps one connection listening on the channel and publishes what arrives — its own changes
/// included — to its ``LiveFeed``. A change is a hint to look again, so one lost while the
/// listener reconnects costs a page one refresh at most; after a reconnect every page is told to
/// look again.
final class PostgresLiveRelay: Sendable {
    static let channel = "helpdesk_live"
    /// How long queued changes wait for company before they are sent.
    static let coalescing = Duration.milliseconds(50)

    let feed: LiveFeed
    private let pending = Mutex(Set<LiveChange>())
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    private let logger: Logger

    init(feed: LiveFeed, logger: Logger) {
        self.feed = feed
        self.logger = logger
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func enqueue(_ changes: Set<LiveChange>) {
        guard !changes.isEmpty else { return }
        pending.withLock { $0.formUnion(changes) }
        wakeContinuation.yield()
    }

    /// Sends queued changes until cancelled.
    func runSender(client: PostgresClient) async {
        for await _ in wake {
            try? await Task.sleep(for: Self.coalescing)
            let changes = pending.withLock { pending -> Set<LiveChange> in
                defer { pending = [] }
                return pending
            }
            for payload in LiveChange.payloads(changes) {
                do {
                    _ = try await client.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
                } catch {
                    logger.warning("live change not sent: \(error)")
                }
            }
            if Task.isCancelled { return }
        }
    }

    /// Listens until cancelled, reconnecting after a lost connection; from the first
    /// subscriber on, so an instance that no page follows holds no connection for it.
    func runListener(client: PostgresClient) async {
        guard await feed.firstSubscriber() else { return }
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        feed.publish([.tickets])
                        for try await notification in notifications {
                            feed.publish(LiveChange.parse(notification.payload))
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("live listener reconnecting: \(error)")
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    func finish() {
        wakeContinuation.finish()
        feed.finish()
    }
}
