import Foundation
import Hummingbird
import HummingbirdBcrypt
import HelpdeskCore
import HelpdeskStore
import NIOPosix

/// `/api/v1/auth/token` and `/api/v1/me`.
struct AuthRoutes {
    let store: any HelpdeskStore
    let clock: AppClock
    let tokenLifetime: TimeInterval

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
        group.post("auth/token", use: issue)
        group.delete("auth/token", use: revoke)
        group.get("me", use: me)
    }

    @Sendable func issue(_ request: Request, context: HelpdeskRequestContext) async throws -> EditedResponse<TokenResponse> {
        let credentials = try await request.decodeJSON(Credentials.self, context: context)
        let issued = try await TokenIssuer(store: store, clock: clock, lifetime: tokenLifetime)
            .issue(username: credentials.username, password: credentials.password)
        return EditedResponse(
            status: .created, response: TokenResponse(token: issued.token, expiresAt: issued.expiresAt, user: issued.user))
    }

    @Sendable func revoke(_ request: Request, context: HelpdeskRequestContext) async throws -> HTTPResponse.Status {
        _ = try context.requireUser()
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            try await TokenIssuer(store: store, clock: clock, lifetime: tokenLifetime).revoke(String(header.dropFirst(7)))
        }
        return .noContent
    }

    @Sendable func me(_ request: Request, context: HelpdeskRequestContext) async throws -> MeResponse {
        MeResponse(user: try context.requireUser())
    }
}

public enum PasswordHashing {
    public static let cost: UInt8 = 10
    /// Verified against when the user does not exist, so timing does not reveal usernames.
    static let dummyHash = Bcrypt.hash("not-a-real-password", cost: cost)

    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }
}
