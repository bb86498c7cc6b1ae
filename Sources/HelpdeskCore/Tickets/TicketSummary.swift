import Foundation

/// The row a queue shows: enough to sort, filter and colour by SLA without the whole record.
public struct TicketSummary: Equatable, Sendable {
    public var id: Int64
    public var number: String
    public var title: String
    public var type: TicketType
    public var status: TicketStatus
    public var priority: Priority
    public var tier: Tier
    public var categoryId: Int64?
    public var subcategoryId: Int64?
    public var groupId: Int64?
    public var assigneeId: Int64?
    public var requesterUserId: Int64?
    public var requesterName: String
    public var requesterExternal: Bool
    public var submittedAt: Date
    public var updatedAt: Date
    public var slaPolicyId: Int64
    public var sla: SLATrack
    /// 延期原因 recorded for a breach (R3.4), if any.
    public var breachCause: String?

    public init(
        id: Int64, number: String, title: String, type: TicketType, status: TicketStatus, priority: Priority,
        tier: Tier, categoryId: Int64?, subcategoryId: Int64?, groupId: Int64?, assigneeId: Int64?,
        requesterUserId: Int64?, requesterName: String, requesterExternal: Bool, submittedAt: Date, updatedAt: Date,
        slaPolicyId: Int64, sla: SLATrack, breachCause: String? = nil
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.type = type
        self.status = status
        self.priority = priority
        self.tier = tier
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.groupId = groupId
        self.assigneeId = assigneeId
        self.requesterUserId = requesterUserId
        self.requesterName = requesterName
        self.requesterExternal = requesterExternal
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
        self.slaPolicyId = slaPolicyId
        self.sla = sla
        self.breachCause = breachCause
    }

    /// The requester's name as this actor may see it (R9.2).
    public func requesterName(for actor: Principal) -> String {
        let full = Access.hasFullAccess(assigneeId: assigneeId, requesterUserId: requesterUserId, by: actor)
        return full || !requesterExternal ? requesterName : Masking.name(requesterName)
    }
}
