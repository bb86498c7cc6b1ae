import Foundation

public struct InboxItem: Codable, Equatable, Sendable {
    public var id: Int64
    public var kind: String
    public var ticketNumber: String
    public var arguments: [String: String]
    public var createdAt: Date
    public var readAt: Date?
}
