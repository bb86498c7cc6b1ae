import Foundation
import HummingbirdBcrypt
import HelpdeskCore
import HelpdeskStore
import NIOPosix

/// Signs users in with a password and hands out API tokens; the API's `POST /auth/token` and
/// the web sign-in share it, so web sessions expire and are revoked exactly like API tokens.
struct TokenIssuer: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let lifetime: TimeInterval

    struct Issued: Sendable {
        let token: String
        let expiresAt: Date
        let user: User
    }

    func issue(username: String, password: String) async throws -> Issued {
        guard username.count <= 100, password.count <= 200 else { throw APIError(.unauthorized, "invalid_credentials") }
        let found = try await store.credentials(username: username)
        // bcrypt runs on the thread pool, once per sign-in; never per request.
        let valid = try await NIOThreadPool.singleton.runIfActive {
            guard let found else {
                _ = Bcrypt.verify(password, hash: PasswordHashing.dummyHash)
                return false
            }
            return Bcrypt.verify(password, hash: found.passwordHash)
        }
        guard valid, let user = found?.user else { throw APIError(.unauthorized, "invalid_credentials") }
        let token = Tokens.generate()
        let now = clock.now()
        let expires = now.addingTimeInterval(lifetime)
        try await store.storeToken(digest: Tokens.digest(token), userId: user.id, createdAt: now, expiresAt: expires)
        return Issued(token: token, expiresAt: expires, user: user)
    }

    func revoke(_ token: String) async throws {
        try await store.revokeToken(digest: Tokens.digest(token), at: clock.now())
    }
}
