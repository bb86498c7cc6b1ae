import HTTPTypes
import HelpdeskCore
import HelpdeskUseCases

/// An error the API reports as `{"error": {"code", "message"}}`; the message comes from the
/// catalogue key `error.<code>` in the request's language.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var arguments: [String: String]

    public init(_ status: HTTPResponse.Status, _ code: String, _ arguments: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.arguments = arguments
    }

    /// Seconds for a `Retry-After` header (429).
    var retryAfter: String? { status == .tooManyRequests ? arguments["retryAfter"] : nil }

    static let unauthorized = APIError(.unauthorized, "unauthorized")
    static func notFound(_ resource: String) -> APIError { APIError(.notFound, "not_found", ["resource": resource]) }
    static func forbidden(_ action: String) -> APIError { APIError(.forbidden, "forbidden", ["action": action]) }
    static func invalidParameter(_ field: String) -> APIError {
        APIError(.badRequest, "invalid_parameter", ["field": field])
    }
    static func fieldRequired(_ field: String) -> APIError {
        APIError(.unprocessableContent, "field_required", ["field": field])
    }
    static func invalidValue(_ field: String) -> APIError {
        APIError(.unprocessableContent, "invalid_value", ["field": field])
    }

    static func from(_ error: UseCaseError) -> APIError {
        let status: HTTPResponse.Status =
            switch error {
            case .notFound: .notFound
            case .forbidden: .forbidden
            case .invalidReference, .invalidValue, .fieldRequired, .invalidFormat, .internalAddress,
                .unknownPlaceholders:
                .unprocessableContent
            case .versionConflict, .deliveryNotFailed, .limitReached, .articleChanged, .ticketNotSolved: .conflict
            case .articleRefused(.illegalTransition), .articleRefused(.reviewerIsWriter),
                .articleRefused(.notEditable):
                .conflict
            case .articleRefused(.notReviewer): .forbidden
            case .problemRefused(.illegalTransition), .problemChanged, .detectionRunning: .conflict
            case .problemRefused(.missing): .unprocessableContent
            case .invalidCredentials, .callbackRefused: .unauthorized
            case .tooManyAttempts: .tooManyRequests
            }
        return APIError(status, error.code, error.arguments)
    }

    static func from(_ error: WorkflowError) -> APIError {
        let status: HTTPResponse.Status =
            switch error {
            case .forbidden: .forbidden
            case .reasonRequired, .fieldRequired, .invalidValue: .unprocessableContent
            case .illegalTransition, .tierCeiling, .alreadyRated, .reopenWindowExpired, .ticketClosed, .ticketArchived,
                .approvalPending,
                .noPendingRequest, .requestAlreadyPending, .notMajorIncident, .alreadyLinked, .notResolved,
                .alreadyChecked:
                .conflict
            case .extensionNotLater: .unprocessableContent
            case .attachmentTooLarge: .contentTooLarge
            }
        return APIError(status, error.code, error.arguments)
    }
}
