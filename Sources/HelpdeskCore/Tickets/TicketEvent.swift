import Foundation

/// One entry of a ticket's history: a workflow move, a work-log entry or a field change.
/// The event log is append-only; the SLA clock is derived from it (R3.3, R4.9).
public struct TicketEvent: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case created
        case transition
        /// Work-log entry (R4.5): internal note or reply the requester sees.
        case worklog
        case workaround
        case priorityChanged = "priority_changed"
        case categoryChanged = "category_changed"
        /// A timed event the SLA engine fired: warning, breach, reminder (R3.4–R3.6, R4.3, R5.4).
        case sla
        /// Extension request or decision (R3.5).
        case `extension`
        /// 延期原因 recorded for a breach (R3.4).
        case breachCause = "breach_cause"
        /// Collaborator asked, answered or lead department named (R4.7).
        case collaboration
        /// Approval of a major change requested or decided (R4.8).
        case approval
        /// Declared, linked or broadcast about as a major incident (R8.2).
        case majorIncident = "major_incident"
        /// Files added to the ticket after intake.
        case attachment
        /// The handling plan recorded or replaced (R4.4).
        case plan
        /// Details asked of the requester, or filled in by them (R1.3).
        case infoRequest = "info_request"
        /// Staff confirmed the recorded information is complete (R1.7).
        case informationChecked = "information_checked"
    }

    public enum Visibility: String, Codable, Sendable {
        /// Seen by the requester as well as staff.
        case `public`
        /// Staff only.
        case `internal`
    }

    public var id: Int64
    public var kind: Kind
    public var action: WorkflowAction?
    public var fromStatus: TicketStatus?
    public var toStatus: TicketStatus?
    public var actorId: Int64
    public var actorName: String
    public var at: Date
    public var reason: String?
    public var body: String?
    public var visibility: Visibility
    /// Small structured facts about the change (old/new priority, assignee, tier, …).
    public var data: [String: String]

    public init(
        id: Int64 = 0, kind: Kind, action: WorkflowAction? = nil, fromStatus: TicketStatus? = nil,
        toStatus: TicketStatus? = nil, actor: Principal, at: Date, reason: String? = nil, body: String? = nil,
        visibility: Visibility = .public, data: [String: String] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.actorId = actor.id
        self.actorName = actor.name
        self.at = at
        self.reason = reason
        self.body = body
        self.visibility = visibility
        self.data = data
    }
}
