import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/api/v1/auth/token` and `/api/v1/me` (``SignInService``).
struct AuthRoutes {
    let signIn: SignInService

    struct Credentials: Decodable {
        let username: String
        let password: String
    }

    struct TokenResponse: ResponseEncodable {
        let token: String
        let expiresAt: Date
        let user: User
    }

    struct MeResponse: ResponseEncodable {
        let user: User
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.post("auth/token") { request, context in
            let credentials = try await request.decodeJSON(Credentials.self, context: context)
            let issued = try await signIn.issue(
                username: credentials.username, password: credentials.password, address: context.clientAddress)
            return EditedResponse(
                status: .created,
                response: TokenResponse(token: issued.token, expiresAt: issued.expiresAt, user: issued.user))
        }
        group.delete("auth/token") { request, context in
            _ = try context.requireUser()
            if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
                try await signIn.revoke(String(header.dropFirst(7)))
            }
            return HTTPResponse.Status.noContent
        }
        group.get("me") { _, context in MeResponse(user: try context.requireUser()) }
    }
}
