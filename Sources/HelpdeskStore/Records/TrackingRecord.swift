import Foundation
import HelpdeskCore

/// One ticket as the tracking table (R7.3) needs it, read from the ticket's columns without
/// decoding the ticket (from two fields of its document for a row written before M021).
public struct TrackingRecord: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var submittedAt: Date
    public var description: String
    public var priority: Priority
    public var groupId: Int64?
    public var assigneeId: Int64?
    /// The response deadline as the ticket's last write stored it (every write does): the
    /// opening plus the response target of its priority and policy, which pauses do not move.
    public var responseDueAt: Date
    public var respondedAt: Date?
    public var resolvedAt: Date?
    public var status: TicketStatus
    public var satisfactionScore: Int?
    public var breachCause: String?
    /// The description is the stored masked one (`report_description`), not the requester's text.
    public var descriptionMasked = false

    public init(
        id: Int64, number: String, submittedAt: Date, description: String, priority: Priority, groupId: Int64?,
        assigneeId: Int64?, responseDueAt: Date, respondedAt: Date?, resolvedAt: Date?,
        status: TicketStatus, satisfactionScore: Int?, breachCause: String?
    ) {
        self.id = id
        self.number = number
        self.submittedAt = submittedAt
        self.description = description
        self.priority = priority
        self.groupId = groupId
        self.assigneeId = assigneeId
        self.responseDueAt = responseDueAt
        self.respondedAt = respondedAt
        self.resolvedAt = resolvedAt
        self.status = status
        self.satisfactionScore = satisfactionScore
        self.breachCause = breachCause
    }
}
