import Foundation
import HelpdeskCore
import Hummingbird

/// A queue row: the summary fields and the SLA state, with the requester's name masked per viewer.
struct TicketSummaryResponse: Encodable {
    let id: Int64
    let number: String
    let title: String
    let type: TicketType
    let status: TicketStatus
    let priority: Priority
    let tier: Tier
    let categoryId: Int64?
    let subcategoryId: Int64?
    let groupId: Int64?
    let assigneeId: Int64?
    let requesterName: String
    let submittedAt: Date
    let updatedAt: Date
    let sla: SLAState

    init(_ summary: TicketSummary, viewer: Principal, rules: TicketRules, now: Date) {
        id = summary.id
        number = summary.number
        title = summary.title
        type = summary.type
        status = summary.status
        priority = summary.priority
        tier = summary.tier
        categoryId = summary.categoryId
        subcategoryId = summary.subcategoryId
        groupId = summary.groupId
        assigneeId = summary.assigneeId
        requesterName = summary.requesterName(for: viewer)
        submittedAt = summary.submittedAt
        updatedAt = summary.updatedAt
        sla = summary.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
    }
}
