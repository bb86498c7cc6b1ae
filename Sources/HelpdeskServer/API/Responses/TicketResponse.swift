import Foundation
import HelpdeskCore
import Hummingbird

/// A ticket as the API shows it: personal data masked per viewer (R9.2), the SLA state derived
/// at the moment of the request, and the workflow actions this viewer may take.
struct TicketResponse: ResponseEncodable {
    let id: Int64
    let number: String
    let type: TicketType
    let title: String
    let description: String
    let details: [String: String]
    let affectedSystem: String?
    let requester: Requester
    let contact: String
    let personalDataMasked: Bool
    let channel: Channel
    let impact: Impact
    let urgency: Urgency
    let priority: Priority
    let suggestedPriority: Priority
    let priorityConfirmed: Bool
    /// The priority matrix version the ticket was graded under (R2.4).
    let priorityMatrixVersion: Int
    /// When the request was received (R1.7); `submittedAt` is when it was recorded.
    let receivedAt: Date
    /// When staff confirmed the information was complete (R1.7).
    let informationCheckedAt: Date?
    let categoryId: Int64?
    let subcategoryId: Int64?
    let groupId: Int64?
    let assigneeId: Int64?
    let tier: Tier
    let status: TicketStatus
    let workaround: String?
    let workaroundEta: Date?
    /// The handling plan (R4.4); an internal one only for staff.
    let plan: HandlingPlan?
    /// Closed as not a support matter (R1.6).
    let outOfScope: Bool
    /// Details asked of the requester and not yet given (R1.3).
    let infoRequest: InfoRequest?
    let solution: String?
    let rootCause: String?
    /// A major incident's preventive actions (R7.4); staff only.
    let preventiveActions: String?
    let satisfaction: Satisfaction?
    let closeReason: String?
    let submittedAt: Date
    let updatedAt: Date
    let closedAt: Date?
    let slaPolicyId: Int64
    let sla: SLAState
    let missingDetails: [String]
    let availableActions: [WorkflowAction]
    let version: Int
    // SLA engine (staff see all of it; the requester sees approval, major incident, auto-close).
    let breaches: [SLABreach]?
    let breachCause: String?
    let extensions: [ExtensionRequest]?
    let collaborations: [Collaboration]?
    let leadGroupId: Int64?
    let approval: ApprovalRequest?
    let majorIncident: Bool
    let majorIncidentNumber: String?
    let autoClosed: Bool
    /// The internal check of the solution (R5.1), for staff.
    let verification: Verification?

    /// `state`: the SLA state for `now` when the caller already computed it.
    init(_ original: Ticket, viewer: Principal, rules: TicketRules, now: Date, state: SLAState? = nil) {
        let ticket = Access.presented(original, to: viewer)
        id = ticket.id
        number = ticket.number
        type = ticket.type
        title = ticket.title
        description = ticket.description
        details = ticket.details
        affectedSystem = ticket.affectedSystem
        requester = ticket.requester
        contact = ticket.contact
        personalDataMasked = !Access.hasFullAccess(original, by: viewer)
        channel = ticket.channel
        impact = ticket.impact
        urgency = ticket.urgency
        priority = ticket.priority
        suggestedPriority = ticket.suggestedPriority
        priorityConfirmed = ticket.priorityConfirmed
        priorityMatrixVersion = ticket.gradedUnderMatrixVersion
        receivedAt = ticket.receivedOrSubmittedAt
        informationCheckedAt = ticket.informationCheckedAt
        categoryId = ticket.categoryId
        subcategoryId = ticket.subcategoryId
        groupId = ticket.groupId
        assigneeId = ticket.assigneeId
        tier = ticket.tier
        status = ticket.status
        workaround = ticket.workaround
        workaroundEta = ticket.workaroundEta
        plan = ticket.plan
        outOfScope = ticket.outOfScope ?? false
        infoRequest = ticket.infoRequest
        solution = ticket.solution
        rootCause = ticket.rootCause
        preventiveActions = ticket.preventiveActions
        satisfaction = ticket.satisfaction
        closeReason = ticket.closeReason
        submittedAt = ticket.submittedAt
        updatedAt = ticket.updatedAt
        closedAt = ticket.closedAt
        slaPolicyId = ticket.slaPolicyId
        sla = state ?? ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        missingDetails = ticket.missingDetails
        availableActions = Workflow.availableActions(for: original, by: viewer, at: now, rules: rules)
        version = ticket.version
        let staff = viewer.role.isStaff
        breaches = staff ? ticket.breaches ?? [] : nil
        breachCause = staff ? ticket.breachCause : nil
        extensions = staff ? ticket.extensions ?? [] : nil
        collaborations = staff ? ticket.collaborations ?? [] : nil
        leadGroupId = staff ? ticket.leadGroupId : nil
        approval = ticket.approval
        majorIncident = ticket.majorIncident ?? false
        majorIncidentNumber = ticket.majorIncidentNumber
        autoClosed = ticket.autoClosed ?? false
        verification = staff ? ticket.verification : nil
    }
}
