import Foundation

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
