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

    public init(
        type: TicketType, title: String, description: String, details: [String: String] = [:],
        affectedSystem: String? = nil, requester: Requester, contact: String, channel: Channel,
        impact: Impact, urgency: Urgency, categoryId: Int64? = nil, subcategoryId: Int64? = nil,
        groupId: Int64? = nil
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
    }
}

/// Things worth telling the submitter that do not stop the ticket (R1.2, R1.3).
public enum IntakeWarning: String, Codable, Sendable {
    /// Title longer than the 20-character house style.
    case titleLong = "title_long"
    /// Type-specific details missing: staff will ask for them.
    case missingDetails = "missing_details"
}

/// Turns a submission into a ticket (not yet numbered) and its `created` event.
public enum Intake {
    public static let limits: [String: Int] = [
        "title": 200, "description": 20_000, "contact": 100, "affectedSystem": 200, "requester.name": 100,
    ]

    public static func draft(
        _ input: NewTicket, by actor: Principal, at now: Date, matrix: PriorityMatrix, policyId: Int64
    ) throws(WorkflowError) -> (ticket: Ticket, event: TicketEvent, warnings: [IntakeWarning]) {
        guard let title = Workflow.trimmed(input.title) else { throw .fieldRequired("title") }
        guard let description = Workflow.trimmed(input.description) else { throw .fieldRequired("description") }
        guard let contact = Workflow.trimmed(input.contact) else { throw .fieldRequired("contact") }
        guard let name = Workflow.trimmed(input.requester.name) else { throw .fieldRequired("requester.name") }
        let lengths = [
            "title": title, "description": description, "contact": contact,
            "affectedSystem": input.affectedSystem ?? "", "requester.name": name,
        ]
        for (field, value) in lengths where value.count > limits[field]! { throw .invalidValue(field: field) }
        guard input.details.count <= 20,
            input.details.allSatisfy({ $0.key.count <= 40 && $0.value.count <= 5_000 })
        else { throw .invalidValue(field: "details") }

        let suggested = matrix.priority(impact: input.impact, urgency: input.urgency)
        var requester = input.requester
        requester.name = name
        let ticket = Ticket(
            type: input.type, title: title, description: description, details: input.details,
            affectedSystem: input.affectedSystem.flatMap(Workflow.trimmed), requester: requester, contact: contact,
            channel: input.channel, impact: input.impact, urgency: input.urgency, priority: suggested,
            suggestedPriority: suggested, categoryId: input.categoryId, subcategoryId: input.subcategoryId,
            groupId: input.groupId, submittedAt: now, createdById: actor.id, slaPolicyId: policyId,
            sla: SLATrack.opened(at: now, priority: suggested))
        var warnings: [IntakeWarning] = []
        if TitleStyle.isLong(title) { warnings.append(.titleLong) }
        let missing = ticket.missingDetails
        if !missing.isEmpty { warnings.append(.missingDetails) }
        var data = ["priority": suggested.rawValue, "channel": input.channel.rawValue]
        if !missing.isEmpty { data["missing_details"] = missing.joined(separator: ",") }
        let event = TicketEvent(kind: .created, toStatus: .new, actor: actor, at: now, data: data)
        return (ticket, event, warnings)
    }
}
