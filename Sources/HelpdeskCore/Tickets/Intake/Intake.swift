import Foundation

/// Turns a submission into a ticket (not yet numbered) and its `created` event.
public enum Intake {
    public static let limits: [String: Int] = [
        "title": 200, "description": 20_000, "contact": 100, "affectedSystem": 200, "requester.name": 100,
    ]

    public static func draft(
        _ input: NewTicket, by actor: Principal, at now: Date, matrix: PriorityMatrixVersion, policyId: Int64
    ) throws(WorkflowError) -> (ticket: Ticket, event: TicketEvent, warnings: [IntakeWarning]) {
        guard let title = Workflow.trimmed(input.title) else { throw .fieldRequired("title") }
        guard let description = Workflow.trimmed(input.description) else { throw .fieldRequired("description") }
        guard let contact = Workflow.trimmed(input.contact) else { throw .fieldRequired("contact") }
        guard let name = Workflow.trimmed(input.requester.name) else { throw .fieldRequired("requester.name") }
        // Lengths count the Unicode scalars of the value as sent, as JSON Schema's maxLength does.
        let lengths = [
            "title": input.title, "description": input.description, "contact": input.contact,
            "affectedSystem": input.affectedSystem ?? "", "requester.name": input.requester.name,
        ]
        for (field, value) in lengths where value.unicodeScalars.count > limits[field]! {
            throw .invalidValue(field: field)
        }
        guard input.details.count <= 20,
            input.details.allSatisfy({ $0.key.count <= 40 && $0.value.count <= 5_000 })
        else { throw .invalidValue(field: "details") }

        // Credentials and identity numbers pasted into the request are hidden before anything is
        // stored (R9.4); the contact field is the one place a phone number belongs.
        var redacted = Set<SensitiveDataKind>()
        func hide(_ text: String) -> String {
            let redaction = SensitiveDataDetector.redact(text)
            redacted.formUnion(redaction.kinds)
            return redaction.text
        }
        let receivedAt = try Registration.receivedAt(input.receivedAt, channel: input.channel, now: now)
        let suggested = matrix.matrix.priority(impact: input.impact, urgency: input.urgency)
        var requester = input.requester
        requester.name = name
        var ticket = Ticket(
            type: input.type, title: hide(title), description: hide(description),
            details: input.details.mapValues(hide),
            affectedSystem: input.affectedSystem.flatMap(Workflow.trimmed).map(hide), requester: requester,
            contact: contact,
            channel: input.channel, impact: input.impact, urgency: input.urgency, priority: suggested,
            suggestedPriority: suggested, categoryId: input.categoryId, subcategoryId: input.subcategoryId,
            groupId: input.groupId, submittedAt: now, createdById: actor.id, slaPolicyId: policyId,
            sla: SLATrack.opened(at: receivedAt, priority: suggested))
        ticket.priorityMatrixVersion = matrix.version
        ticket.receivedAt = receivedAt
        let kinds = SensitiveDataKind.allCases.filter(redacted.contains)
        if !kinds.isEmpty { ticket.redactedAtIntake = kinds }
        var warnings: [IntakeWarning] = []
        if TitleStyle.isLong(title) { warnings.append(.titleLong) }
        if !kinds.isEmpty { warnings.append(.sensitiveDataRedacted) }
        let missing = ticket.missingDetails
        if !missing.isEmpty { warnings.append(.missingDetails) }
        var data = [
            "priority": suggested.rawValue, "channel": input.channel.rawValue,
            "matrix_version": String(matrix.version),
        ]
        if receivedAt != now { data["received_at"] = receivedAt.ISO8601Format() }
        if !missing.isEmpty { data["missing_details"] = missing.joined(separator: ",") }
        if !kinds.isEmpty { data["redacted"] = SensitiveDataKind.list(kinds) }
        let event = TicketEvent(kind: .created, toStatus: .new, actor: actor, at: now, data: data)
        return (ticket, event, warnings)
    }
}
