import HelpdeskStore
import Logging
import ServiceLifecycle

/// Stores the facts (M028) of resolved tickets that have none while the desk runs: those of a
/// desk upgraded from before them, and those a calendar change dropped. Until then the reports
/// read such tickets whole, so a start-up never waits for a million of them. A batch of 1 000
/// per transaction keeps the writer free between batches; a tick with nothing to fill is one
/// indexed read. Several instances may run it (a ticket filled twice gets the same facts).
struct ReportFactsFiller: Service {
    let store: any HelpdeskStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await runTicks(every: interval) { _ = await tick() }
    }

    /// Fills batch after batch until one comes short (``HelpdeskApp/fillReportFacts``); returns
    /// how many tickets it filled, 0 after a failure, which is logged and tried at the next tick.
    @discardableResult
    func tick() async -> Int {
        do {
            return try await HelpdeskApp.fillReportFacts(store, logger: logger)
        } catch {
            logger.error("filling the report facts failed", metadata: ["error": "\(String(reflecting: error))"])
            return 0
        }
    }
}
