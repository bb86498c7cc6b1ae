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
        }
    }

    /// Values substituted into the localised message.
    public var arguments: [String: String] {
        switch self {
        case .illegalTransition(let action, let from): ["action": action.rawValue, "status": from.rawValue]
        case .forbidden(let action), .reasonRequired(let action): ["action": action]
        case .fieldRequired(let field), .invalidValue(let field): ["field": field]
        case .tierCeiling, .alreadyRated, .reopenWindowExpired, .ticketClosed: [:]
        }
    }
}
