import Foundation

/// A problem (R6.3, R7.4): the one cause behind tickets that keep coming back. Proposed by
/// ``RecurrenceDetection`` with its evidence, or opened by a problem manager; confirmed (its
/// tickets linked) or rejected (remembered, so the same tickets are not proposed again);
/// investigated to a known error with a workaround, resolved by a permanent fix, closed.
public struct ProblemRecord: Codable, Equatable, Sendable {
    public var id: Int64
    public var title: String
    public var status: ProblemStatus
    /// The linked tickets' numbers (for a proposal: the tickets it is about).
    public var ticketNumbers: [String]
    public var rootCause: String?
    /// 临时方案, told to every linked requester when recorded.
    public var workaround: String?
    /// 永久解决方案, told to every linked requester when the problem is resolved.
    public var permanentFix: String?
    public var preventiveActions: String?
    /// Knowledge articles about it.
    public var articleIds: [Int64]
    public var ownerId: Int64?
    public var categoryId: Int64?
    public var affectedSystem: String?
    /// Why it was proposed; nil for a problem opened by hand.
    public var evidence: ProblemEvidence?
    /// Why a proposal was rejected.
    public var rejectionReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// Optimistic lock: each save adds one.
    public var version: Int

    public init(
        id: Int64 = 0, title: String, status: ProblemStatus, ticketNumbers: [String] = [], rootCause: String? = nil,
        workaround: String? = nil, permanentFix: String? = nil, preventiveActions: String? = nil,
        articleIds: [Int64] = [], ownerId: Int64? = nil, categoryId: Int64? = nil, affectedSystem: String? = nil,
        evidence: ProblemEvidence? = nil, createdAt: Date, updatedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.ticketNumbers = ticketNumbers
        self.rootCause = rootCause
        self.workaround = workaround
        self.permanentFix = permanentFix
        self.preventiveActions = preventiveActions
        self.articleIds = articleIds
        self.ownerId = ownerId
        self.categoryId = categoryId
        self.affectedSystem = affectedSystem
        self.evidence = evidence
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }
}

/// A problem's life (R6.3).
public enum ProblemStatus: String, Codable, CaseIterable, Sendable {
    /// Found by detection, waiting for a problem manager.
    case proposed
    /// Confirmed: the cause is being looked for.
    case investigating
    /// The cause is known and a workaround exists (已知错误).
    case knownError = "known_error"
    /// A permanent fix is in place.
    case resolved
    case closed
    /// A proposal the problem manager turned down; its tickets are not proposed together again.
    case rejected

    /// Still being worked on: its tickets are not proposed again.
    public var isOpen: Bool { self == .investigating || self == .knownError }
}

/// Why a set of tickets was proposed as one problem.
public struct ProblemEvidence: Codable, Equatable, Sendable {
    /// The lowest and the mean similarity of the pairs of its tickets (0–1).
    public var minimumSimilarity: Double
    public var meanSimilarity: Double
    /// The words they share that weigh most, normalized (`vpn`, `证书`).
    public var sharedTerms: [String]
    /// When the first and the last of them arrived.
    public var firstAt: Date
    public var lastAt: Date

    public init(minimumSimilarity: Double, meanSimilarity: Double, sharedTerms: [String], firstAt: Date, lastAt: Date) {
        self.minimumSimilarity = minimumSimilarity
        self.meanSimilarity = meanSimilarity
        self.sharedTerms = sharedTerms
        self.firstAt = firstAt
        self.lastAt = lastAt
    }
}
