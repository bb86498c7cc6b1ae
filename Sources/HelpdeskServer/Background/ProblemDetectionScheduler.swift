import Foundation
import HelpdeskUseCases
import Logging
import ServiceLifecycle

/// Looks for recurring problems (R6.3): every minute it asks whether a pass is due, and once an
/// hour across all instances on the database one of them runs it (``ProblemService/detectIfDue()``).
struct ProblemDetectionScheduler: Service {
    let problems: ProblemService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await runTicks(every: interval) { await tick() }
    }

    func tick() async {
        do {
            if let detection = try await problems.detectIfDue(), !(detection.proposed + detection.updated).isEmpty {
                logger.info(
                    "recurring problems proposed",
                    metadata: ["proposed": "\(detection.proposed)", "updated": "\(detection.updated)"])
            }
        } catch {
            logger.error("recurring-problem detection failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }
}
