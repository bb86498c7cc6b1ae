import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Problem records on each store (R6.3)")
struct ProblemStoreTests {
    static let now = Shanghai.date("2026-12-07 10:00")

    @Test(
        "one detection pass an hour across instances: the first caller runs it, the next only after the hour",
        arguments: TestStores.kinds)
    func detectionClaim(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            #expect(try await store.claimDetectionRun(now: Self.now, every: 3_600))
            #expect(try await !store.claimDetectionRun(now: Self.now.addingTimeInterval(60), every: 3_600))
            // two instances at once: one of them
            async let first = store.claimDetectionRun(now: Self.now.addingTimeInterval(3_600), every: 3_600)
            async let second = store.claimDetectionRun(now: Self.now.addingTimeInterval(3_600), every: 3_600)
            let claims = try await [first, second]
            #expect(claims.filter { $0 }.count == 1)
        }
    }

    @Test("a save is pinned to the version read; the tickets follow the record", arguments: TestStores.kinds)
    func versions(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            var problem = try await store.createProblem(
                ProblemRecord(title: "VPN 证书", status: .investigating, ticketNumbers: ["A", "B"], createdAt: Self.now))
            #expect(try await store.problems(ticketNumber: "A").map(\.id) == [problem.id])
            problem.ticketNumbers = ["B", "C"]
            let saved = try await store.saveProblem(problem, expectedVersion: 1, now: Self.now)
            #expect(saved.version == 2)
            #expect(try await store.problems(ticketNumber: "A").isEmpty)
            #expect(try await store.problems(ticketNumber: "C").map(\.id) == [problem.id])
            await #expect(throws: ProblemVersionConflict(current: 2)) {
                try await store.saveProblem(problem, expectedVersion: 1, now: Self.now)
            }
            await #expect(throws: ProblemVersionConflict(current: 2)) {
                try await store.saveProblem(problem, expectedVersion: .max, now: Self.now)
            }
            #expect(try await store.problem(id: problem.id)?.ticketNumbers == ["B", "C"])
        }
    }
}
