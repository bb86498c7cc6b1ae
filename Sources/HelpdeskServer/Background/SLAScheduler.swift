import AsyncAlgorithms
import Foundation
import HelpdeskCore
import HelpdeskStore
import Logging
import ServiceLifecycle

/// The background service that makes deadlines act: each tick fires the due SLA timers,
/// fans the outbox out to inboxes and deliveries, and sends the due deliveries with retries.
/// Every step claims its rows transactionally, so several instances can run it on one
/// PostgreSQL database; a failing channel only delays its own deliveries.
public struct SLAScheduler: Service {
    let store: any HelpdeskStore
    let clock: AppClock
    let interval: Duration
    let channels: [Delivery.Channel: any DeliveryChannel]
    let logger: Logger
    /// Attempts before a delivery is marked failed; the waits between them grow 4× from 30 s, capped at 6 h.
    static let maxAttempts = 8
    static let batch = 100

    init(
        store: any HelpdeskStore, clock: AppClock, interval: Duration = .seconds(1),
        channels: [Delivery.Channel: any DeliveryChannel], logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.channels = channels
        self.logger = logger
    }

    /// Ticks at once, then every `interval` until the service group shuts down: a graceful
    /// shutdown ends the wait for the next tick at once, and a tick under way finishes first.
    public func run() async throws {
        guard !Task.isShuttingDownGracefully else { return }
        await tick()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            await tick()
        }
    }

    /// What one tick did.
    public struct Report: Sendable, Equatable {
        public var ticketsChanged = 0
        public var noticesDispatched = 0
        public var delivered = 0
        public var failed = 0
    }

    /// One pass at the current time. Errors are logged; the next tick tries again.
    @discardableResult
    public func tick() async -> Report {
        var report = Report()
        let now = clock.now()
        do {
            while true {
                let changed = try await store.fireDueTimers(now: now, limit: Self.batch)
                report.ticketsChanged += changed
                if changed < Self.batch { break }
            }
        } catch {
            logger.error("firing SLA timers failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        do {
            while true {
                let sent = try await store.dispatchNotifications(
                    now: now, limit: Self.batch, email: channels[.email] != nil)
                report.noticesDispatched += sent
                if sent < Self.batch { break }
            }
        } catch {
            logger.error("dispatching notifications failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        do {
            let due = try await store.claimDeliveries(now: now, limit: Self.batch, lease: 120)
            let outcomes = await withTaskGroup(of: DeliveryOutcome.self) { group in
                for delivery in due {
                    group.addTask { await self.deliver(delivery, now: now) }
                }
                return await group.reduce(into: [DeliveryOutcome]()) { $0.append($1) }
            }
            for outcome in outcomes {
                if case .delivered = outcome { report.delivered += 1 } else { report.failed += 1 }
            }
        } catch {
            logger.error("sending deliveries failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        return report
    }

    private func deliver(_ delivery: Delivery, now: Date) async -> DeliveryOutcome {
        let outcome: DeliveryOutcome
        do {
            guard let channel = channels[delivery.channel] else {
                throw DeliveryFailure(status: nil, description: "channel \(delivery.channel.rawValue) not configured")
            }
            outcome = .delivered(status: try await channel.send(delivery))
        } catch {
            let attempts = delivery.attempts + 1
            let status = (error as? DeliveryFailure)?.status
            let permanent = (error as? DeliveryFailure)?.permanent == true
            let retryAt =
                attempts >= Self.maxAttempts || permanent
                ? nil : now.addingTimeInterval(Self.backoff(afterAttempt: attempts))
            outcome = .failed(status: status, error: "\(error)", retryAt: retryAt)
            logger.notice(
                "delivery failed", metadata: ["id": "\(delivery.id)", "attempt": "\(attempts)", "error": "\(error)"])
        }
        do {
            try await store.finishDelivery(id: delivery.id, outcome: outcome, now: now)
        } catch {
            logger.error("recording a delivery failed", metadata: ["id": "\(delivery.id)", "error": "\(error)"])
        }
        return outcome
    }

    /// 30 s, 2 min, 8 min, 32 min, ~2 h, then 6 h.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(30 * pow(4, Double(max(0, attempt - 1))), 6 * 3600)
    }
}
