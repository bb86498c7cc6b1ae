import Foundation

/// One timed event of a ticket: when it is due and the key that makes it fire once.
///
/// Keys name the moment they belong to (the priority and number of approved extensions for
/// resolution targets, the assignment time for receipt, the base instant for cadence, the
/// resolution time for follow-up), so a timer re-arms when its moment changes — a reassignment
/// starts a new receipt clock — but never fires twice for the same moment.
public struct SLATimer: Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// P0 at creation: the on-duty lead and L2 are told at once (R4.2).
        case p0Alert = "p0_alert"
        /// L1 not resolved in time, or core business hit: to L2 (R4.2).
        case l1Escalation = "l1_escalation"
        case responseWarning = "response_warning"
        case responseBreach = "response_breach"
        case resolutionWarning = "resolution_warning"
        case resolutionBreach = "resolution_breach"
        case hardLimitBreach = "hard_limit_breach"
        /// Receipt not confirmed in time: remind the handler, then tell the lead (R4.3).
        case receiptReminder = "receipt_reminder"
        case receiptOverdue = "receipt_overdue"
        /// A progress update is missing: tell the handler, then the supervisor (R3.6).
        case updateDue = "update_due"
        case updateMissed = "update_missed"
        /// Resolved, not confirmed: remind the handler, later close automatically (R5.4).
        case followUp = "follow_up"
        case autoClose = "auto_close"
        /// Resolved and not reviewed and closed within the set minutes: remind the supervisors (R5.5).
        case reviewDue = "review_due"
        /// A collaborator has not answered in time (R4.7).
        case collaborationOverdue = "collaboration_overdue"
        /// Closed for the configured working days: archived, external personal data scrubbed (R6.1, R9.3).
        case archive
        /// The recorded information not checked one working hour after recording: remind L1 (R1.7).
        case intakeCheck = "intake_check"
    }

    /// Which progress cadence an update timer belongs to (R3.6).
    public enum Cadence: String, Codable, Sendable {
        /// P0: every 30 minutes until resolved.
        case p0
        /// L2 and above: every 2 working hours to the requester.
        case requester
        /// Every open ticket: each working day before 17:00.
        case daily
    }

    public var kind: Kind
    public var key: String
    public var at: Date
    public var cadence: Cadence?
    public var collaborationId: Int?

    public init(_ kind: Kind, key: String, at: Date, cadence: Cadence? = nil, collaborationId: Int? = nil) {
        self.kind = kind
        self.key = key
        self.at = at
        self.cadence = cadence
        self.collaborationId = collaborationId
    }
}
