import Foundation

/// A major change that waits for approval before work continues (R4.8).
public struct ApprovalRequest: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        case pending, approved, rejected
    }

    public var change: String
    /// The requester (nil: the requester's account) or a named manager.
    public var approverId: Int64?
    public var requestedById: Int64
    public var requestedAt: Date
    public var status: Status
    public var decidedById: Int64?
    public var decidedAt: Date?
    public var note: String?
    /// The status to return to once decided.
    public var resumeStatus: TicketStatus
}
