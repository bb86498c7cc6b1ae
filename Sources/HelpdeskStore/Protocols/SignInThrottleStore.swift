import Foundation

/// Counts of consecutive failed sign-ins per key. Part of ``HelpdeskStore``.
public protocol SignInThrottleStore: Sendable {
    /// The failures recorded for each of `keys` that has any.
    func signInFailures(keys: [String]) async throws -> [String: SignInFailures]
    /// Counts one more failure for each key; a count whose last failure is older than
    /// `forgetBefore` starts again at one.
    func recordSignInFailure(keys: [String], at: Date, forgetBefore: Date) async throws
    func clearSignInFailures(key: String) async throws
}

public struct SignInFailures: Sendable, Equatable {
    public let count: Int
    public let lastFailure: Date

    public init(count: Int, lastFailure: Date) {
        self.count = count
        self.lastFailure = lastFailure
    }
}
