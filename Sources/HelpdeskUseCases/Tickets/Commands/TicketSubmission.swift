import Foundation
import HelpdeskCore

/// A new request as any channel hands it in: the portal, the API, a phone call typed in by an
/// agent, and later e-mail and IM.
public struct TicketSubmission: Decodable, Sendable, Equatable {
    /// Staff: the number of the major incident this request duplicates (R8.2).
    public var majorIncident: String?
    public var type: TicketType?
    public var title: String
    public var description: String
    public var details: [String: String]?
    public var affectedSystem: String?
    public var contact: String?
    public var channel: Channel?
    public var impact: Impact
    public var urgency: Urgency
    public var categoryId: Int64?
    public var subcategoryId: Int64?
    public var groupId: Int64?
    /// Staff recording a request on someone's behalf (R1.1).
    public var requester: RequesterDetails?
    /// Staff: when a phone or e-mail request came in (R1.7); default now.
    public var receivedAt: Date?

    public init(
        majorIncident: String? = nil, type: TicketType? = nil, title: String, description: String,
        details: [String: String]? = nil, affectedSystem: String? = nil, contact: String? = nil,
        channel: Channel? = nil,
        impact: Impact, urgency: Urgency, categoryId: Int64? = nil, subcategoryId: Int64? = nil, groupId: Int64? = nil,
        requester: RequesterDetails? = nil, receivedAt: Date? = nil
    ) {
        self.majorIncident = majorIncident
        self.type = type
        self.title = title
        self.description = description
        self.details = details
        self.affectedSystem = affectedSystem
        self.contact = contact
        self.channel = channel
        self.impact = impact
        self.urgency = urgency
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.groupId = groupId
        self.requester = requester
        self.receivedAt = receivedAt
    }
}
