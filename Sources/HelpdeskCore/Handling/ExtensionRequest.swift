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
