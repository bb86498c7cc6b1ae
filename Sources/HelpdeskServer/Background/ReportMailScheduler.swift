import Foundation
import HelpdeskStore
import HelpdeskUseCases
import Logging
import ServiceLifecycle

/// Sends the subscribed reports (issue #13): each tick renders the due runs in their
/// subscribers' languages and records them with their mail in one transaction; the SLA
/// scheduler's delivery step then sends the mail with its retries. Several instances may run
/// it: a run is recorded, and mailed, by one of them.
struct ReportMailScheduler: Service {
    let subscriptions: ReportSubscriptionService
    let text: ReportMailText
    let interval: Duration
    let logger: Logger
    static let batch = 20

    func run() async throws {
        await runTicks(every: interval) { _ = await tick() }
    }

    /// One pass; returns how many runs this instance recorded. A run whose report fails to
    /// render is logged and tried again at the next tick.
    @discardableResult
    func tick() async -> Int {
        var recorded = 0
        do {
            // Batch after batch while they come full and move on (a failing run stays due).
            while true {
                let runs = try await subscriptions.dueRuns(limit: Self.batch)
                var moved = 0
                for run in runs {
                    do {
                        if try await subscriptions.record(run, mail: try await text.mail(run)) { moved += 1 }
                    } catch {
                        logger.error(
                            "a scheduled report failed",
                            metadata: [
                                "subscription": "\(run.subscription.id)", "error": "\(String(reflecting: error))",
                            ])
                    }
                }
                recorded += moved
                if runs.count < Self.batch || moved == 0 { break }
            }
        } catch {
            logger.error("reading the due reports failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        return recorded
    }
}
