import Foundation

/// How long sign-in stays refused after repeated failures for one key (an account or a client
/// address): the first `freeFailures` cost nothing, then each further failure doubles the wait,
/// from `base` up to `maximum`. Failures older than `forgetAfter` no longer count.
public struct SignInBackoff: Sendable, Equatable {
    public let freeFailures: Int
    public let base: TimeInterval
    public let maximum: TimeInterval
    public let forgetAfter: TimeInterval

    public init(
        freeFailures: Int, base: TimeInterval = 1, maximum: TimeInterval = 900, forgetAfter: TimeInterval = 86_400
    ) {
        self.freeFailures = freeFailures
        self.base = base
        self.maximum = maximum
        self.forgetAfter = forgetAfter
    }

    /// Per account: five tries, then 1 s, 2 s, 4 s … up to 15 min.
    public static let account = SignInBackoff(freeFailures: 5)
    /// Per client address: lenient, since an office behind one NAT shares it.
    public static let address = SignInBackoff(freeFailures: 30)

    /// The wait after `failures` consecutive failures, nil when there is none.
    public func delay(afterFailures failures: Int) -> TimeInterval? {
        guard failures > freeFailures else { return nil }
        let exponent = min(failures - freeFailures - 1, 30)
        return min(maximum, base * pow(2, Double(exponent)))
    }

    /// Whole seconds until sign-in is allowed again at `now`, or nil when it is allowed.
    public func retryAfter(failures: Int, lastFailure: Date, now: Date) -> Int? {
        guard now.timeIntervalSince(lastFailure) < forgetAfter, let delay = delay(afterFailures: failures) else {
            return nil
        }
        let remaining = lastFailure.addingTimeInterval(delay).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }
}
