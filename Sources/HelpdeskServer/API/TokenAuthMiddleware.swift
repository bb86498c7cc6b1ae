import Foundation
import HelpdeskUseCases
import Hummingbird

/// Resolves `Authorization: Bearer <token>` to a user. Tokens are random and stored only as
/// their SHA-256 digest, so checking one is a hash and an indexed lookup, not a bcrypt run.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    let signIn: SignInService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty, token.count <= 256 { context.user = try await signIn.user(forToken: token) }
        }
        return try await next(request, context)
    }
}
