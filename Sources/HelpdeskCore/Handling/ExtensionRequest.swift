import Foundation

/// A handler's request for a later resolution deadline (R3.5). Approval moves the due time;
/// the original due time is kept for reports.
public struct ExtensionRequest: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        case pending, approved, rejected
    }

    /// 1-based within the ticket.
    public var id: Int
    public var requestedById: Int64
    public var requestedByName: String
    public var requestedAt: Date
    public var reason: String
    /// The resolution due time the handler asks for.
    public var requestedDueAt: Date
    /// The resolution due time when the request was made.
    public var originalDueAt: Date
    public var status: Status
    public var decidedById: Int64?
    public var decidedByName: String?
    public var decidedAt: Date?
    public var decisionNote: String?
}

/// Another department or a vendor asked to help with a question (R4.7). They must answer
/// within the desk's collaboration time; an overdue answer is flagged to the lead department.
public struct Collaboration: Hashable, Codable, Sendable {
    /// 1-based within the ticket.
    public var id: Int
    /// The group asked, or nil for an outside vendor.
    public var groupId: Int64?
    /// The named contact (a person in the group, or the vendor's contact).
    public var contact: String
    public var question: String
    public var askedById: Int64
    public var askedAt: Date
    public var dueAt: Date
    public var answer: String?
    public var answeredAt: Date?
    public var answeredByName: String?
    /// When the overdue answer was flagged.
    public var flaggedAt: Date?
}

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
