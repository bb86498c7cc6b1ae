import Foundation

/// The part of a ticket the reports read (``TicketFacts``, the overdue list, the major
/// incidents), decoded from the ticket's stored document under ``Ticket``'s own keys. An open
/// ticket's facts are computed at the report's instant, and decoding the whole ticket (its
/// description, contact, history of approvals and collaborations…) was most of that cost.
public struct ReportTicket: Decodable, Equatable, Sendable {
    public var id: Int64
    public var number: String
    public var title: String
    public var type: TicketType
    public var channel: Channel
    public var priority: Priority
    public var categoryId: Int64?
    public var groupId: Int64?
    public var assigneeId: Int64?
    public var tier: Tier
    public var status: TicketStatus
    public var outOfScope: Bool?
    public var satisfaction: Satisfaction?
    public var submittedAt: Date
    public var slaPolicyId: Int64
    public var sla: SLATrack
    public var breaches: [SLABreach]?
    public var breachCause: String?
    public var extensions: [Extension]?
    public var majorIncident: Bool?

    /// An extension request as the reports count it: by outcome.
    public struct Extension: Decodable, Equatable, Sendable {
        public var status: ExtensionRequest.Status
    }

    public init(_ ticket: Ticket) {
        id = ticket.id
        number = ticket.number
        title = ticket.title
        type = ticket.type
        channel = ticket.channel
        priority = ticket.priority
        categoryId = ticket.categoryId
        groupId = ticket.groupId
        assigneeId = ticket.assigneeId
        tier = ticket.tier
        status = ticket.status
        outOfScope = ticket.outOfScope
        satisfaction = ticket.satisfaction
        submittedAt = ticket.submittedAt
        slaPolicyId = ticket.slaPolicyId
        sla = ticket.sla
        breaches = ticket.breaches
        breachCause = ticket.breachCause
        extensions = ticket.extensions?.map { Extension(status: $0.status) }
        majorIncident = ticket.majorIncident
    }
}
