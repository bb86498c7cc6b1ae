import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird
import Logging

/// The one mapping from use-case, domain and store errors to HTTP, for the API's JSON errors
/// and the web UI's error pages alike; anything unexpected becomes a logged 500.
enum ErrorMapping {
    static func map(_ error: any Error, logger: Logger) -> APIError {
        switch error {
        case let error as APIError: return error
        case is MethodNotAllowed: return APIError(.methodNotAllowed, "method_not_allowed")
        case let error as UseCaseError: return .from(error)
        case let error as WorkflowError: return .from(error)
        case let error as StoreError:
            switch error {
            case .notFound(let resource): return .notFound(resource)
            case .duplicate(let field): return APIError(.conflict, "duplicate", ["field": field])
            case .invalidReference(let field):
                return APIError(.unprocessableContent, "invalid_reference", ["field": field])
            }
        case let error as DecodingError:
            return APIError(.badRequest, "invalid_json", ["detail": Request.describe(error)])
        case let error as any HTTPResponseError where (400..<500).contains(error.status.code):
            // Hummingbird's own client errors (HTTPError, too-large bodies, unknown routes).
            let detail = (error as? HTTPError)?.body
            switch error.status {
            case .contentTooLarge: return APIError(.contentTooLarge, "payload_too_large")
            case .notFound: return .notFound("route")
            case .methodNotAllowed: return APIError(.methodNotAllowed, "method_not_allowed")
            case .unauthorized: return .unauthorized
            case .badRequest: return APIError(.badRequest, "invalid_json", ["detail": detail ?? "body"])
            default: return APIError(error.status, "invalid_parameter", ["field": detail ?? "request"])
            }
        default:
            logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(.internalServerError, "internal")
        }
    }

    /// The error's message in `locale`; status, action and resource names are translated too.
    static func message(_ error: APIError, localizer: Localizer, locale: String) -> String {
        var arguments = error.arguments
        if let status = arguments["status"] { arguments["status"] = localizer.text("status.\(status)", locale: locale) }
        if let status = arguments["to"] { arguments["to"] = localizer.text("status.\(status)", locale: locale) }
        if let fields = arguments["fields"] {
            // A problem's fields by their labels: 根本原因, 临时方案.
            arguments["fields"] = fields.components(separatedBy: ", ").map {
                localizer.text("ui.problems.field.\($0)", locale: locale)
            }.joined(separator: locale == "en" ? ", " : "、")
        }
        if let action = arguments["action"] { arguments["action"] = localizer.text("action.\(action)", locale: locale) }
        if let resource = arguments["resource"] {
            arguments["resource"] = localizer.text("resource.\(resource)", locale: locale)
        }
        return localizer.text("error.\(error.code)", locale: locale, arguments)
    }
}
