import Foundation

/// Who a notice is for, resolved to users when it is dispatched.
public enum Recipient: Hashable, Codable, Sendable {
    case user(Int64)
    /// The group's lead, or every member when it has none.
    case groupLead(Int64)
    /// Staff of the group at this tier or above (all tiers when nil).
    case group(Int64, minimumTier: Tier?)
    /// Every active agent at this tier or above, for tickets without a group.
    case tier(Tier)
    case role(Role)
    /// Every active user of the department, requesters included (a major-incident audience).
    case department(String)
    /// The lead on duty for emergencies (setting `onDutyLeadId`), else the supervisors.
    case onDutyLead
    /// The people told about major incidents (setting `leadershipIds`), else the supervisors.
    case leadership

    /// The assignee if any, else the group lead (or the problem managers when there is no group).
    static func handler(of ticket: Ticket) -> [Recipient] {
        if let assignee = ticket.assigneeId { return [.user(assignee)] }
        return ticket.groupId.map { [.groupLead($0)] } ?? [.role(.problemManager)]
    }

    static func lead(of ticket: Ticket) -> [Recipient] {
        ticket.groupId.map { [.groupLead($0)] } ?? [.role(.problemManager)]
    }

    static func requester(of ticket: Ticket) -> [Recipient] {
        ticket.requester.userId.map { [.user($0)] } ?? []
    }

    /// Staff at `tier` who can take the ticket: its group's, or everyone's at that tier.
    static func staff(at tier: Tier, of ticket: Ticket) -> [Recipient] {
        ticket.groupId.map { [.group($0, minimumTier: tier)] } ?? [.tier(tier)]
    }
}
