import Foundation

/// Why a ticket operation was refused. `code` is the machine-readable code the API returns.
public enum WorkflowError: Error, Equatable, Sendable {
    case illegalTransition(action: WorkflowAction, from: TicketStatus)
    case forbidden(action: String)
    case reasonRequired(action: String)
    case fieldRequired(String)
    case invalidValue(field: String)
    case tierCeiling
    case alreadyRated
    case reopenWindowExpired
    case ticketClosed
    /// Archived tickets are read-only (R6.1).
    case ticketArchived
    /// Work waits for the approval of a major change (R4.8).
    case approvalPending
    /// There is no pending request to decide, or one is already pending.
    case noPendingRequest
    case requestAlreadyPending
    /// The requested extension does not move the due time later (R3.5).
    case extensionNotLater
    /// The ticket is not (or already is) a major incident, or cannot be linked to one (R8.2).
    case notMajorIncident
    case alreadyLinked
    /// The ticket has no solution to review yet (R5.5).
    case notResolved
    /// The ticket's information was already checked (R1.7).
    case alreadyChecked
    /// An attached file is over the per-file limit.
    case attachmentTooLarge(maxBytes: Int)

    public var code: String {
        switch self {
        case .illegalTransition: "illegal_transition"
        case .forbidden: "forbidden"
        case .reasonRequired: "reason_required"
        case .fieldRequired: "field_required"
        case .invalidValue: "invalid_value"
        case .tierCeiling: "tier_ceiling"
        case .alreadyRated: "already_rated"
        case .reopenWindowExpired: "reopen_window_expired"
        case .ticketClosed: "ticket_closed"
        case .ticketArchived: "ticket_archived"
        case .approvalPending: "approval_pending"
        case .noPendingRequest: "no_pending_request"
        case .requestAlreadyPending: "request_already_pending"
        case .extensionNotLater: "extension_not_later"
        case .notMajorIncident: "not_major_incident"
        case .alreadyLinked: "already_linked"
        case .alreadyChecked: "already_checked"
        case .attachmentTooLarge: "attachment_too_large"
        case .notResolved: "not_resolved"
        }
    }

    /// Values substituted into the localised message.
    public var arguments: [String: String] {
        switch self {
        case .illegalTransition(let action, let from): ["action": action.rawValue, "status": from.rawValue]
        case .forbidden(let action), .reasonRequired(let action): ["action": action]
        case .fieldRequired(let field), .invalidValue(let field): ["field": field]
        case .attachmentTooLarge(let maxBytes): ["max": String(maxBytes / (1024 * 1024))]
        case .tierCeiling, .alreadyRated, .reopenWindowExpired, .ticketClosed, .ticketArchived, .approvalPending,
            .noPendingRequest,
            .requestAlreadyPending, .extensionNotLater, .notMajorIncident, .alreadyLinked, .notResolved,
            .alreadyChecked:
            [:]
        }
    }
}
