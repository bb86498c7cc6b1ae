import Foundation
import HelpdeskUseCases
import Hummingbird

/// Resolves the signed session cookie to its API token and user. A cookie whose signature
/// fails, or whose token expired or was revoked, is treated as no session.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    static let cookieName = "hd_session"
    let signIn: SignInService
    let keys: SessionKeys

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let cookie = request.cookies[Self.cookieName],
            let token = try await keys.current().token(fromCookie: cookie.value),
            let user = try await signIn.user(forToken: token)
        {
            context.user = user
            context.sessionToken = token
        }
        return try await next(request, context)
    }
}
