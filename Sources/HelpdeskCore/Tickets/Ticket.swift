import Foundation

/// A support ticket with the R1.2 fields and its handling record.
public struct Ticket: Codable, Equatable, Sendable {
    public var id: Int64
    public var number: String
    public var type: TicketType
    public var title: String
    public var description: String
    /// Type-specific details (R1.3), e.g. `error_text`, `steps`, `environment`.
    public var details: [String: String]
    public var affectedSystem: String?
    public var requester: Requester
    /// Extension or e-mail; masked as `*5678` for viewers without full access (R9.2).
    public var contact: String
    public var channel: Channel
    public var impact: Impact
    public var urgency: Urgency
    public var priority: Priority
    /// What the matrix suggested at intake (R2.3).
    public var suggestedPriority: Priority
    /// Set once a problem manager confirmed or changed the priority.
    public var priorityConfirmed: Bool
    public var categoryId: Int64?
    public var subcategoryId: Int64?
    public var groupId: Int64?
    public var assigneeId: Int64?
    public var tier: Tier
    public var status: TicketStatus
    public var workaround: String?
    public var workaroundEta: Date?
    /// The handling plan (R4.4); the latest one recorded.
    public var plan: HandlingPlan?
    /// Closed as not a support matter (R1.6): numbered and counted, reported apart.
    public var outOfScope: Bool?
    /// Details asked of the requester and not yet given (R1.3).
    public var infoRequest: InfoRequest?
    public var solution: String?
    public var rootCause: String?
    /// What is done so that it does not happen again: a major incident's retrospective (R7.4).
    public var preventiveActions: String?
    /// The internal check of the solution (R5.1): waiting while `verifying`, then who passed it.
    public var verification: Verification?
    public var satisfaction: Satisfaction?
    public var closeReason: String?
    public var submittedAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    public var createdById: Int64
    /// The SLA policy version the ticket was opened under (R2.4).
    public var slaPolicyId: Int64
    /// The SLA inputs folded so far; due dates are derived from it, never stored as counters.
    public var sla: SLATrack
    /// Optimistic-concurrency version, bumped on every change.
    public var version: Int

    // MARK: SLA engine (R3.4–R3.6, R4.2–R4.3, R4.7–R4.8, R5.4, R8.2)
    // Optional so that documents written before these fields existed still decode.

    /// When the current handler was assigned; the receipt clock (R4.3) runs from here.
    public var assignedAt: Date?
    /// The last progress update by staff (work log or workflow move), for the cadence (R3.6).
    public var lastUpdateAt: Date?
    /// The last update the requester could see.
    public var lastPublicUpdateAt: Date?
    /// Keys of the timed events already fired; each fires once (see `SLATimer.key`).
    public var firedTimers: [String]?
    /// Targets missed, with the time each was missed (R3.4).
    public var breaches: [SLABreach]?
    /// 延期原因: why the ticket missed its target, for reports.
    public var breachCause: String?
    public var extensions: [ExtensionRequest]?
    public var collaborations: [Collaboration]?
    /// The department the supervisor named to lead the collaboration (R4.7).
    public var leadGroupId: Int64?
    /// A major change waiting for (or decided by) the requester's or a manager's approval (R4.8).
    public var approval: ApprovalRequest?
    /// Declared a major incident by a supervisor (R8.2).
    public var majorIncident: Bool?
    /// The major incident this ticket is a duplicate of.
    public var majorIncidentNumber: String?
    /// Closed by the follow-up rule because the requester did not confirm (R5.4).
    public var autoClosed: Bool?
    /// When the scheduler archived the closed ticket (R6.1).
    public var archivedAt: Date?
    /// The external requester's name and contact were reduced to their masked form at archive (R9.3).
    public var personalDataScrubbed: Bool?
    /// What the detector hid from the request at intake (R9.4), never the values themselves.
    public var redactedAtIntake: [SensitiveDataKind]?

    // MARK: Registration and grading (R1.7, R2.4), M013

    /// The priority matrix version the ticket was graded under (R2.4): the one current at intake,
    /// then the one current when a problem manager confirmed or changed the priority (the history
    /// keeps each). Nil in documents written before matrices were versioned: version 1.
    public var priorityMatrixVersion: Int?
    /// When the request was received (R1.7): entered by the L1 for phone and e-mail, else the
    /// recording time. The SLA clock starts here. Nil on tickets recorded before M013, which have
    /// no information-check timer either.
    public var receivedAt: Date?
    /// When staff confirmed the information was complete, or asked the requester for what was
    /// missing (R1.7, ``Registration``).
    public var informationCheckedAt: Date?

    /// The matrix version, 1 for tickets graded before matrices were versioned.
    public var gradedUnderMatrixVersion: Int { priorityMatrixVersion ?? 1 }
    /// When the request was received; the recording time for tickets from before M013.
    public var receivedOrSubmittedAt: Date { receivedAt ?? submittedAt }

    public init(
        id: Int64 = 0, number: String = "", type: TicketType, title: String, description: String,
        details: [String: String] = [:], affectedSystem: String? = nil, requester: Requester, contact: String,
        channel: Channel, impact: Impact, urgency: Urgency, priority: Priority, suggestedPriority: Priority,
        priorityConfirmed: Bool = false, categoryId: Int64? = nil, subcategoryId: Int64? = nil,
        groupId: Int64? = nil, assigneeId: Int64? = nil, tier: Tier = .l1, status: TicketStatus = .new,
        submittedAt: Date, createdById: Int64, slaPolicyId: Int64, sla: SLATrack
    ) {
        self.id = id
        self.number = number
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
        self.priority = priority
        self.suggestedPriority = suggestedPriority
        self.priorityConfirmed = priorityConfirmed
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.groupId = groupId
        self.assigneeId = assigneeId
        self.tier = tier
        self.status = status
        self.submittedAt = submittedAt
        self.updatedAt = submittedAt
        self.createdById = createdById
        self.slaPolicyId = slaPolicyId
        self.sla = sla
        self.version = 1
    }

    /// Details the ticket's type requires but the requester left empty (R1.3).
    public var missingDetails: [String] {
        type.requiredDetails.filter { (details[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
