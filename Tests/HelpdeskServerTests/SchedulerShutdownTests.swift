import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import ServiceLifecycle
import Testing

@testable import HelpdeskServer

/// The background loops end on graceful shutdown without waiting for their next tick.
@Suite("Background services: graceful shutdown")
struct SchedulerShutdownTests {
    @Test("a scheduler with a 60-second interval ends within 2 seconds of a graceful shutdown")
    func schedulerStopsPromptly() async throws {
        try await TestStores.with(.sqlite) { store in
            // given: the scheduler running in a service group, past its first tick
            let scheduler = SLAScheduler(
                store: store, clock: .system, interval: .seconds(60), channels: [:], logger: TestStores.logger)
            let group = ServiceGroup(services: [scheduler], logger: TestStores.logger)
            let running = Task { try await group.run() }
            try await Task.sleep(for: .milliseconds(300))

            // when
            let start = ContinuousClock.now
            await group.triggerGracefulShutdown()
            // A bound, not a benchmark: give up after 5 seconds rather than wait the full interval.
            let ended = await withTaskGroup(of: Bool.self) { tasks in
                tasks.addTask { (try? await running.value) != nil }
                tasks.addTask {
                    try? await Task.sleep(for: .seconds(5))
                    return false
                }
                let first = await tasks.next() ?? false
                running.cancel()
                tasks.cancelAll()
                return first
            }
            let elapsed = ContinuousClock.now - start

            // then
            #expect(ended, "the scheduler was still running 5 seconds after the shutdown")
            #expect(elapsed < .seconds(2))
        }
    }
}
