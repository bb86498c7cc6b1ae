import Foundation
import HelpdeskCore
import HelpdeskStore

/// Signs users in with a password and hands out API tokens; the API's `POST /auth/token` and
/// the web sign-in share it, so web sessions expire and are revoked exactly like API tokens.
public struct SignInService: Sendable {
    let store: any DirectoryStore
    let clock: AppClock
    public let lifetime: TimeInterval

    public init(store: any DirectoryStore, clock: AppClock, lifetime: TimeInterval) {
        self.store = store
        self.clock = clock
        self.lifetime = lifetime
    }

    public struct Issued: Sendable {
        public let token: String
        public let expiresAt: Date
        public let user: User
    }

    public func issue(username: String, password: String) async throws -> Issued {
        guard username.count <= 100, password.count <= 200 else { throw UseCaseError.invalidCredentials }
        let found = try await store.credentials(username: username)
        // bcrypt runs on the thread pool, once per sign-in; never per request.
        guard try await PasswordHashing.verify(password, against: found?.passwordHash), let user = found?.user else {
            throw UseCaseError.invalidCredentials
        }
        let token = Tokens.generate()
        let now = clock.now()
        let expires = now.addingTimeInterval(lifetime)
        try await store.storeToken(digest: Tokens.digest(token), userId: user.id, createdAt: now, expiresAt: expires)
        return Issued(token: token, expiresAt: expires, user: user)
    }

    /// The user a bearer token or session belongs to, if it is valid now.
    public func user(forToken token: String) async throws -> User? {
        try await store.user(tokenDigest: Tokens.digest(token), now: clock.now())
    }

    public func revoke(_ token: String) async throws {
        try await store.revokeToken(digest: Tokens.digest(token), at: clock.now())
    }
}
