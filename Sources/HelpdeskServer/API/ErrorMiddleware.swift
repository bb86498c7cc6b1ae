import Foundation
import HelpdeskCore
import Hummingbird
import Logging

/// Turns every error into `{"error": {"code", "message"}}` in the request's language, mapped
/// by ``ErrorMapping``.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    let localizer: Localizer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = ErrorMapping.map(error, logger: context.logger)
            let locale = Localizer.negotiate(
                explicit: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
            var response = render(apiError, locale: locale)
            if let error = error as? MethodNotAllowed { response.headers[.allow] = error.allow }
            if let seconds = apiError.retryAfter { response.headers[.retryAfter] = seconds }
            return response
        }
    }

    func render(_ error: APIError, locale: String) -> Response {
        let message = ErrorMapping.message(error, localizer: localizer, locale: locale)
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
