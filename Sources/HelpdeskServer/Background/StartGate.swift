import ServiceLifecycle

/// Opens once the database is migrated; services that need the schema wait for it.
actor StartGate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}

/// Runs `service` once the gate opens.
struct GatedService: Service {
    let gate: StartGate
    let service: any Service

    func run() async throws {
        // A start that fails before the gate opens cancels us: open it so the wait ends.
        await withTaskCancellationHandler {
            await gate.wait()
        } onCancel: { [gate] in
            Task { await gate.open() }
        }
        guard !Task.isCancelled else { return }
        try await service.run()
    }
}
