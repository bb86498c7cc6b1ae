import Foundation

/// The verifier's outcome (R5.1): passed, or failed with a reason.
public struct VerificationCommand: Decodable, Sendable, Equatable {
    public var passed: Bool
    public var reason: String?

    public init(passed: Bool, reason: String? = nil) {
        self.passed = passed
        self.reason = reason
    }
}
