import Foundation
import HelpdeskCore

/// Problem records (M025). Part of ``HelpdeskStore``.
public protocol ProblemStore: Sendable {
    /// Inserts a record (id 0) with its tickets.
    func createProblem(_ problem: ProblemRecord) async throws -> ProblemRecord
    func problem(id: Int64) async throws -> ProblemRecord?
    /// Replaces a record and its tickets when it is still at `expectedVersion`; the saved record
    /// (its version one more), `StoreError.notFound`, or ``ProblemVersionConflict``.
    func saveProblem(_ problem: ProblemRecord, expectedVersion: Int, now: Date) async throws -> ProblemRecord
    /// Newest changed first, of the statuses given (all when empty).
    func problems(statuses: [ProblemStatus], limit: Int, offset: Int) async throws -> (
        items: [ProblemRecord], more: Bool
    )
    /// The tickets of these numbers that exist, in number order, as a problem lists them.
    func problemTickets(numbers: [String]) async throws -> [LinkedTicket]
    /// The problems a ticket is in.
    func problems(ticketNumber: String) async throws -> [ProblemRecord]
    /// Every record that is not closed nor resolved: proposals, open ones and rejected ones,
    /// which detection compares its groups with.
    func problemsForDetection() async throws -> [ProblemRecord]
    /// The tickets submitted since `since`, newest first, at most `limit`, as detection reads them.
    func detectionCandidates(since: Date, limit: Int) async throws -> [RecurrenceDetection.Candidate]
    /// Whether this caller runs detection now: true for one caller per `every` seconds across
    /// every instance on the database.
    func claimDetectionRun(now: Date, every: TimeInterval) async throws -> Bool
    /// The problems (not rejected proposals) with most tickets submitted in `from..<until`
    /// (of the group or engineer given), with how many, most first: a report's recurring problems.
    func recurringProblems(from: Date, until: Date, groupId: Int64?, assigneeId: Int64?, limit: Int) async throws
        -> [(problem: ProblemRecord, tickets: Int)]
    /// Takes the lease of one detection pass until `until`, unless another pass holds an
    /// unexpired one: manual and hourly passes never run at once.
    func claimDetectionLease(now: Date, until: Date) async throws -> Bool
    /// Gives back the lease taken until `until` (not one another pass took after it expired).
    func releaseDetectionLease(until: Date) async throws
}

/// Someone saved the problem since it was read: its version is now `current`.
public struct ProblemVersionConflict: Error, Equatable {
    public var current: Int

    public init(current: Int) { self.current = current }
}
