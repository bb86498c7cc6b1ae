import Foundation

/// Something a person must be told about a ticket. Written in the same transaction as the
/// change that caused it; the notification pipeline resolves recipients and delivers it.
public struct Notice: Hashable, Codable, Sendable {
    public var kind: NoticeKind
    public var ticketNumber: String
    public var recipients: [Recipient]
    /// Values for the message template: `number`, `title`, `due`, `reason`, … (instants as ISO 8601).
    public var arguments: [String: String]
    public var at: Date

    public init(
        _ kind: NoticeKind, ticket: Ticket, to recipients: [Recipient], at: Date, _ arguments: [String: String] = [:]
    ) {
        self.kind = kind
        self.ticketNumber = ticket.number
        self.recipients = recipients
        var values = ["number": ticket.number, "title": ticket.title, "priority": ticket.priority.rawValue]
        values.merge(arguments) { _, new in new }
        self.arguments = values
        self.at = at
    }
}

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

/// Every kind of notice; each has a localised title and body (`notice.<kind>.title|body`).
public enum NoticeKind: String, Codable, CaseIterable, Sendable {
    case assigned
    case p0Alert = "p0_alert"
    case responseWarning = "response_warning"
    case responseBreach = "response_breach"
    case resolutionWarning = "resolution_warning"
    case resolutionBreach = "resolution_breach"
    case hardLimitBreach = "hard_limit_breach"
    case breachCauseNeeded = "breach_cause_needed"
    case escalated
    case receiptReminder = "receipt_reminder"
    case receiptOverdue = "receipt_overdue"
    case bounced
    case updateDue = "update_due"
    case updateMissed = "update_missed"
    case resolved
    case followUp = "follow_up"
    case autoClosed = "auto_closed"
    case extensionRequested = "extension_requested"
    case extensionApproved = "extension_approved"
    case extensionRejected = "extension_rejected"
    case collaborationRequested = "collaboration_requested"
    case collaborationAnswered = "collaboration_answered"
    case collaborationOverdue = "collaboration_overdue"
    case approvalRequested = "approval_requested"
    case approvalDecided = "approval_decided"
    case majorIncidentDeclared = "major_incident_declared"
    case majorIncidentUpdate = "major_incident_update"
    case majorIncidentResolved = "major_incident_resolved"
}
