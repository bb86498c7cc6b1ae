import Foundation

/// What a channel hands in for a new ticket (R1.1–R1.3).
public struct NewTicket: Sendable, Equatable {
    public var type: TicketType
    public var title: String
    public var description: String
    public var details: [String: String]
    public var affectedSystem: String?
    public var requester: Requester
    public var contact: String
    public var channel: Channel
    public var impact: Impact
    public var urgency: Urgency
    public var categoryId: Int64?
    public var subcategoryId: Int64?
    public var groupId: Int64?
    /// When a phone or e-mail request came in, as the L1 entered it (R1.7); nil is now.
    public var receivedAt: Date?

    public init(
        type: TicketType, title: String, description: String, details: [String: String] = [:],
        affectedSystem: String? = nil, requester: Requester, contact: String, channel: Channel,
        impact: Impact, urgency: Urgency, categoryId: Int64? = nil, subcategoryId: Int64? = nil,
        groupId: Int64? = nil, receivedAt: Date? = nil
    ) {
        self.type = type
        self.title = title
        self.description = description
        self.details = details
        self.affectedSystem = affectedSystem
        self.requester = requester
        self.contact = contact
        self.channel = channel
        self.impact = impact
        self.urgency = urgency
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.groupId = groupId
        self.receivedAt = receivedAt
    }
}
