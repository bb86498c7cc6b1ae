import Foundation

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
    /// Closed as not a support matter, with the reason (R1.6).
    case outOfScope = "out_of_scope"
    /// The requester is asked for missing details (R1.3) …
    case infoRequested = "info_requested"
    /// … and has given them: the handler is told.
    case infoProvided = "info_provided"
    /// A solution waits for its internal check (R5.1): the verifier pool is told …
    case verificationRequested = "verification_requested"
    /// … and when the check fails, the handler, with the reason.
    case verificationFailed = "verification_failed"
    /// Review and close not done in time after resolution (R5.5): the supervisors are reminded.
    case reviewDue = "review_due"
    /// A new ticket's information has not been checked within one working hour (R1.7).
    case intakeCheck = "intake_check"
    /// The acknowledgement (R1.5) sent back on the channel a request came in on (e-mail):
    /// number and due times …
    case acknowledged
    /// … or, outside the channel's service hours, when the desk will look at it (R8.3).
    case acknowledgedOutsideHours = "acknowledged_outside_hours"
    /// Staff answered on the ticket in public: the requester is told, with the text (R5.2).
    case reply
    /// A message could not be read and waits in the quarantine: the admins are told.
    case mailQuarantined = "mail_quarantined"
    /// A knowledge article waits for review (R6.2): the reviewers are told …
    case kbReviewRequested = "kb_review_requested"
    /// … and its writers, when a reviewer sends it back or publishes it.
    case kbReturned = "kb_returned"
    case kbPublished = "kb_published"
}
