import HTTPTypes
import Hummingbird

/// Headers every response carries so a browser never sniffs a type, frames a page or leaks the
/// URL to another site; HTML pages also get a Content-Security-Policy that allows only the
/// server's own script, styles and forms (the pages have no inline script or style).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext

    static let nosniff = HTTPField.Name("X-Content-Type-Options")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let csp = HTTPField.Name("Content-Security-Policy")!
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[Self.nosniff] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[Self.csp] = Self.contentSecurityPolicy
        }
        return response
    }
}
