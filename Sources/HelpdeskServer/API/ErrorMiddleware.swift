import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore
import Logging

/// Turns every error into `{"error": {"code", "message"}}` in the request's language. Domain
/// and store errors are mapped here once; anything unexpected becomes a logged 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    let localizer: Localizer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.map(error, context: context)
            let locale = Localizer.negotiate(
                explicit: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
            var response = render(apiError, locale: locale)
            if let error = error as? MethodNotAllowed { response.headers[.allow] = error.allow }
            return response
        }
    }

    static func map(_ error: any Error, context: Context) -> APIError {
        switch error {
        case let error as APIError: return error
        case is MethodNotAllowed: return APIError(.methodNotAllowed, "method_not_allowed")
        case let error as WorkflowError: return .from(error)
        case let error as StoreError:
            switch error {
            case .notFound(let resource): return .notFound(resource)
            case .duplicate(let field): return APIError(.conflict, "duplicate", ["field": field])
            case .invalidReference(let field): return APIError(.unprocessableContent, "invalid_reference", ["field": field])
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
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(.internalServerError, "internal")
        }
    }

    /// The error's message in `locale`; status, action and resource names are translated too.
    static func message(_ error: APIError, localizer: Localizer, locale: String) -> String {
        var arguments = error.arguments
        if let status = arguments["status"] { arguments["status"] = localizer.text("status.\(status)", locale: locale) }
        if let action = arguments["action"] { arguments["action"] = localizer.text("action.\(action)", locale: locale) }
        if let resource = arguments["resource"] {
            arguments["resource"] = localizer.text("resource.\(resource)", locale: locale)
        }
        return localizer.text("error.\(error.code)", locale: locale, arguments)
    }

    func render(_ error: APIError, locale: String) -> Response {
        let message = Self.message(error, localizer: localizer, locale: locale)
        struct Body: Encodable {
            struct Inner: Encodable {
                let code: String
                let message: String
            }
            let error: Inner
        }
        let data = (try? APICoding.encoder.encode(Body(error: .init(code: error.code, message: message)))) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLanguage] = locale
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
