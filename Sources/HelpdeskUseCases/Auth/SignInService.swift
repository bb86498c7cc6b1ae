import Foundation
import HelpdeskCore
import HelpdeskStore

/// Signs users in with a password and hands out API tokens; the API's `POST /auth/token` and
/// the web sign-in share it, so web sessions expire and are revoked exactly like API tokens.
///
/// Failed attempts are counted per account and per client address in the store (so every
/// instance sees them) and answered with a growing wait (``SignInBackoff``); while one is
/// running the password is not even checked, so a guessing attack costs no bcrypt time.
public struct SignInService: Sendable {
    let store: any DirectoryStore & SignInThrottleStore
    let clock: AppClock
    public let lifetime: TimeInterval
    let accountBackoff: SignInBackoff
    let addressBackoff: SignInBackoff

    public init(
        store: any DirectoryStore & SignInThrottleStore, clock: AppClock, lifetime: TimeInterval,
        accountBackoff: SignInBackoff = .account, addressBackoff: SignInBackoff = .address
    ) {
        self.store = store
        self.clock = clock
        self.lifetime = lifetime
        self.accountBackoff = accountBackoff
        self.addressBackoff = addressBackoff
    }

    public struct Issued: Sendable {
        public let token: String
        public let expiresAt: Date
        public let user: User
    }

    /// `address` is the client's IP address when known.
    public func issue(username: String, password: String, address: String? = nil) async throws -> Issued {
        guard username.count <= 100, password.count <= 200 else { throw UseCaseError.invalidCredentials }
        let accountKey = "account:" + username.lowercased()
        let addressKey = address.map { "address:" + $0 }
        let keys = [accountKey] + (addressKey.map { [$0] } ?? [])
        try await refuseWhileBackingOff(keys: keys, accountKey: accountKey, addressKey: addressKey)
        let found = try await store.credentials(username: username)
        let verified: Bool
        do {
            // bcrypt runs on the thread pool, once per sign-in; never per request.
            verified = try await PasswordHashing.verify(password, against: found?.passwordHash)
        } catch is ConcurrencyGate.Full {
            throw UseCaseError.tooManyAttempts(retryAfter: 1)
        }
        let now = clock.now()
        guard verified, let user = found?.user else {
            try await store.recordSignInFailure(
                keys: keys, at: now,
                forgetBefore: now.addingTimeInterval(-accountBackoff.forgetAfter))
            throw UseCaseError.invalidCredentials
        }
        // Only the account's count is cleared: one good password must not reset an address
        // that is guessing at other accounts.
        try await store.clearSignInFailures(key: accountKey)
        let token = Tokens.generate()
        let expires = now.addingTimeInterval(lifetime)
        try await store.storeToken(digest: Tokens.digest(token), userId: user.id, createdAt: now, expiresAt: expires)
        return Issued(token: token, expiresAt: expires, user: user)
    }

    private func refuseWhileBackingOff(keys: [String], accountKey: String, addressKey: String?) async throws {
        let failures = try await store.signInFailures(keys: keys)
        guard !failures.isEmpty else { return }
        let now = clock.now()
        let waits = [
            failures[accountKey].flatMap {
                accountBackoff.retryAfter(failures: $0.count, lastFailure: $0.lastFailure, now: now)
            },
            addressKey.flatMap { failures[$0] }.flatMap {
                addressBackoff.retryAfter(failures: $0.count, lastFailure: $0.lastFailure, now: now)
            },
        ].compactMap { $0 }
        if let wait = waits.max() { throw UseCaseError.tooManyAttempts(retryAfter: wait) }
    }

    /// The user a bearer token or session belongs to, if it is valid now.
    public func user(forToken token: String) async throws -> User? {
        try await store.user(tokenDigest: Tokens.digest(token), now: clock.now())
    }

    public func revoke(_ token: String) async throws {
        try await store.revokeToken(digest: Tokens.digest(token), at: clock.now())
    }
}
