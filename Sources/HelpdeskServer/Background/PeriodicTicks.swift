import AsyncAlgorithms
import ServiceLifecycle

/// A background service's loop: `tick` now, then every `interval`, until a graceful shutdown
/// (which also ends the wait for the next tick).
func runTicks(every interval: Duration, _ tick: () async -> Void) async {
    guard !Task.isShuttingDownGracefully else { return }
    await tick()
    for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
        await tick()
    }
}
