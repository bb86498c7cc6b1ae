import Foundation
import HelpdeskCore

/// Why a use case refused a request, independent of how it arrived (API, web form, channel,
/// command line). Domain refusals stay `WorkflowError`s and store refusals `StoreError`s; each
/// front end maps all three once.
public enum UseCaseError: Error, Equatable, Sendable {
    /// Not there, or not visible to this user (existence is not revealed).
    case notFound(resource: String)
    /// Signed in, but this role may not do it.
    case forbidden(action: String)
    /// A referenced id (user, group, category, ticket) does not exist or does not fit.
    case invalidReference(field: String)
    case invalidValue(field: String)
    case fieldRequired(field: String)
    /// A value with a syntax of its own (number format, calendar) that does not parse.
    case invalidFormat(detail: String)
    /// The ticket changed since the version the client saw (`If-Match`).
    case versionConflict(current: Int)
    case invalidCredentials
    /// A webhook aimed at a loopback, link-local or private address, which the settings forbid.
    case internalAddress(field: String)
    /// Too many failed sign-ins (or too many at once): try again in `retryAfter` seconds.
    case tooManyAttempts(retryAfter: Int)
    /// Only a failed delivery can be retried; this one is waiting to be sent or was delivered.
    case deliveryNotFailed
    /// A per-user quota is full (scheduled reports: 20 a subscriber).
    case limitReached(resource: String, limit: Int)
    /// A reply template names placeholders that do not exist (R8.1), as written: `{nmber}`.
    case unknownPlaceholders(names: [String])
    /// An IM platform's callback whose signature does not match (`im_signature_invalid`) or whose
    /// timestamp is outside the platform's window (`im_request_stale`): answered 401.
    case callbackRefused(code: String)
    /// Someone saved the knowledge article since the client read it (now revision `current`).
    case articleChanged(current: Int)
    /// A knowledge article's status cannot do `action` now, or only a reviewer other than its
    /// writers may (``KnowledgeError``).
    case articleRefused(KnowledgeError)
    /// A knowledge draft needs a solved ticket.
    case ticketNotSolved
    /// A problem record's status cannot move so, or needs fields first (``ProblemError``).
    case problemRefused(ProblemError)
    /// Someone saved the problem since the client read it (now version `current`).
    case problemChanged(current: Int)
    /// Another detection pass (the hourly one, or someone else's) is running now.
    case detectionRunning

    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .invalidReference: "invalid_reference"
        case .invalidValue: "invalid_value"
        case .fieldRequired: "field_required"
        case .invalidFormat: "invalid_format"
        case .versionConflict: "version_conflict"
        case .invalidCredentials: "invalid_credentials"
        case .tooManyAttempts: "too_many_attempts"
        case .internalAddress: "internal_address"
        case .deliveryNotFailed: "delivery_not_failed"
        case .unknownPlaceholders: "unknown_placeholder"
        case .limitReached: "limit_reached"
        case .callbackRefused(let code): code
        case .articleChanged: "article_changed"
        case .articleRefused(.illegalTransition): "kb_illegal_transition"
        case .articleRefused(.notReviewer): "kb_reviewer_only"
        case .articleRefused(.reviewerIsWriter): "kb_reviewer_is_writer"
        case .articleRefused(.notEditable): "kb_not_editable"
        case .ticketNotSolved: "ticket_not_solved"
        case .problemRefused(.illegalTransition): "problem_illegal_transition"
        case .problemRefused(.missing): "problem_fields_missing"
        case .problemChanged: "problem_changed"
        case .detectionRunning: "problem_detection_running"
        }
    }

    /// The values the message template of `error.<code>` fills in.
    public var arguments: [String: String] {
        switch self {
        case .notFound(let resource): ["resource": resource]
        case .forbidden(let action): ["action": action]
        case .invalidReference(let field), .invalidValue(let field), .fieldRequired(let field),
            .internalAddress(let field):
            ["field": field]
        case .invalidFormat(let detail): ["detail": detail]
        case .versionConflict(let current): ["version": String(current)]
        case .invalidCredentials, .deliveryNotFailed, .callbackRefused, .ticketNotSolved, .detectionRunning,
            .articleRefused(.notReviewer), .articleRefused(.reviewerIsWriter), .articleRefused(.notEditable):
            [:]
        case .articleChanged(let current), .problemChanged(let current): ["version": String(current)]
        case .problemRefused(.illegalTransition(let from, let to)):
            ["status": "problem_" + from.rawValue, "to": "problem_" + to.rawValue]
        case .problemRefused(.missing(let fields)): ["fields": fields.joined(separator: ", ")]
        case .articleRefused(.illegalTransition(let status, let action)):
            ["status": "kb_" + status.rawValue, "action": "kb_" + action.rawValue]
        case .tooManyAttempts(let seconds): ["retryAfter": String(seconds)]
        case .limitReached(let resource, let limit): ["resource": resource, "limit": String(limit)]
        case .unknownPlaceholders(let names):
            [
                "placeholders": names.map { "{\($0)}" }.joined(separator: ", "),
                "known": ReplyPlaceholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", "),
            ]
        }
    }
}
