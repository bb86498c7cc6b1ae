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
        guard credentials.username.count <= 100, credentials.password.count <= 200 else {
            throw APIError(.unauthorized, "invalid_credentials")
        }
        let found = try await store.credentials(username: credentials.username)
        // bcrypt runs on the thread pool, once per sign-in; never per request.
        let valid = try await NIOThreadPool.singleton.runIfActive {
            guard let found else {
                _ = Bcrypt.verify(credentials.password, hash: PasswordHashing.dummyHash)
                return false
            }
            return Bcrypt.verify(credentials.password, hash: found.passwordHash)
        }
        guard valid, let user = found?.user else { throw APIError(.unauthorized, "invalid_credentials") }
        let token = Tokens.generate()
        let now = clock.now()
        let expires = now.addingTimeInterval(tokenLifetime)
        try await store.storeToken(digest: Tokens.digest(token), userId: user.id, createdAt: now, expiresAt: expires)
        return EditedResponse(status: .created, response: TokenResponse(token: token, expiresAt: expires, user: user))
    }

    @Sendable func revoke(_ request: Request, context: HelpdeskRequestContext) async throws -> HTTPResponse.Status {
        _ = try context.requireUser()
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            try await store.revokeToken(digest: Tokens.digest(String(header.dropFirst(7))), at: clock.now())
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
