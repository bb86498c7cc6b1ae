import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import ServiceLifecycle
import Testing

@testable import HelpdeskServer

/// The background loops end on graceful shutdown without waiting for their next tick.
@Suite("Background services: graceful shutdown")
struct SchedulerShutdownTests {
    @Test("a scheduler with a 10-minute interval ends on a graceful shutdown without waiting for its next tick")
    func schedulerStopsPromptly() async throws {
        try await TestStores.with(.sqlite) { store in
            // given: the scheduler running in a service group, past its first tick
            let scheduler = SLAScheduler(
                store: store, clock: .system, interval: .seconds(600), channels: [:], logger: TestStores.logger)
            let group = ServiceGroup(services: [scheduler], logger: TestStores.logger)
            let running = Task { try await group.run() }
            try await Task.sleep(for: .milliseconds(300))

            // when
            let start = ContinuousClock.now
            await group.triggerGracefulShutdown()
            // A bound, not a benchmark: a loop that waited for its tick would still run after 10
            // minutes; the whole suite running in parallel on two cores has taken over 20 s to
            // wind the group down, so the bound is 2 minutes.
            let ended = await withTaskGroup(of: Bool.self) { tasks in
                tasks.addTask { (try? await running.value) != nil }
                tasks.addTask {
                    try? await Task.sleep(for: .seconds(120))
                    return false
                }
                let first = await tasks.next() ?? false
                running.cancel()
                tasks.cancelAll()
                return first
            }
            let elapsed = ContinuousClock.now - start

            // then
            #expect(ended, "the scheduler was still running \(elapsed) after the shutdown")
        }
    }
}
