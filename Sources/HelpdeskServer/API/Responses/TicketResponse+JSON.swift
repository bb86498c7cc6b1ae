import Foundation
import HelpdeskCore
import Hummingbird

/// The ticket and the create response written with ``JSONWriter``: they are the answer to every
/// ticket change and to intake, and JSONEncoder's generic machinery was the largest single cost
/// of a create. Keys in sorted order, nil values left out, as `APICoding.encoder` writes them (a
/// test compares the two); the nested records that are rarely there (breaches, extensions,
/// collaborations, approval, rating, verification) are handed to that encoder.
extension TicketResponse {
    /// The ticket as the whole document, or as the value of `key` in the object being written.
    func write(to writer: inout JSONWriter, key: String? = nil) throws {
        if let key { writer.object(key) } else { writer.beginObject() }
        writer.field("affectedSystem", affectedSystem)
        try writer.encoded("approval", approval)
        writer.field("assigneeId", assigneeId)
        writer.field("autoClosed", autoClosed)
        writer.field("availableActions", availableActions.map(\.rawValue))
        writer.field("breachCause", breachCause)
        try writer.encoded("breaches", breaches)
        writer.field("categoryId", categoryId)
        writer.field("channel", channel.rawValue)
        writer.field("closeReason", closeReason)
        writer.field("closedAt", closedAt)
        try writer.encoded("collaborations", collaborations)
        writer.field("contact", contact)
        writer.field("description", description)
        writer.field("details", details)
        try writer.encoded("extensions", extensions)
        writer.field("groupId", groupId)
        writer.field("id", id)
        writer.field("impact", impact.rawValue)
        try writer.encoded("infoRequest", infoRequest)
        writer.field("informationCheckedAt", informationCheckedAt)
        writer.field("leadGroupId", leadGroupId)
        writer.field("majorIncident", majorIncident)
        writer.field("majorIncidentNumber", majorIncidentNumber)
        writer.field("missingDetails", missingDetails)
        writer.field("number", number)
        writer.field("outOfScope", outOfScope)
        writer.field("personalDataMasked", personalDataMasked)
        try writer.encoded("plan", plan)
        writer.field("preventiveActions", preventiveActions)
        writer.field("priority", priority.rawValue)
        writer.field("priorityConfirmed", priorityConfirmed)
        writer.field("priorityMatrixVersion", priorityMatrixVersion)
        writer.field("receivedAt", receivedAt)
        writer.object("requester")
        writer.field("department", requester.department)
        writer.field("employeeNumber", requester.employeeNumber)
        writer.field("external", requester.external)
        writer.field("name", requester.name)
        writer.field("region", requester.region)
        writer.field("userId", requester.userId)
        writer.endObject()
        writer.field("rootCause", rootCause)
        try writer.encoded("satisfaction", satisfaction)
        sla.write("sla", to: &writer)
        writer.field("slaPolicyId", slaPolicyId)
        writer.field("solution", solution)
        writer.field("status", status.rawValue)
        writer.field("subcategoryId", subcategoryId)
        writer.field("submittedAt", submittedAt)
        writer.field("suggestedPriority", suggestedPriority.rawValue)
        writer.field("tier", tier.rawValue)
        writer.field("title", title)
        writer.field("type", type.rawValue)
        writer.field("updatedAt", updatedAt)
        writer.field("urgency", urgency.rawValue)
        try writer.encoded("verification", verification)
        writer.field("version", version)
        writer.field("workaround", workaround)
        writer.field("workaroundEta", workaroundEta)
        writer.endObject()
    }

    func json() throws -> [UInt8] {
        var writer = JSONWriter(capacity: 2048)
        try write(to: &writer)
        return writer.bytes
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONWriter.response(try json())
    }
}

extension CreatedTicketResponse {
    func json() throws -> [UInt8] {
        var writer = JSONWriter(capacity: 3072)
        writer.beginObject()
        writer.object("acknowledgement")
        writer.field("lookedAtFrom", acknowledgement.lookedAtFrom)
        writer.field("message", acknowledgement.message)
        writer.field("number", acknowledgement.number)
        writer.field("outsideServiceHours", acknowledgement.outsideServiceHours)
        writer.field("resolutionDueAt", acknowledgement.resolutionDueAt)
        writer.field("responseDueAt", acknowledgement.responseDueAt)
        writer.endObject()
        // Usually none (no published article fits); the encoder writes the rare ones.
        if suggestedArticles.isEmpty {
            writer.beginArray("suggestedArticles")
            writer.endArray()
        } else {
            try writer.encoded("suggestedArticles", suggestedArticles)
        }
        try ticket.write(to: &writer, key: "ticket")
        writer.beginArray("warnings")
        for warning in warnings {
            writer.beginObject()
            writer.field("code", warning.code)
            writer.field("message", warning.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONWriter.response(try json())
    }
}
