import Foundation
import Testing

@testable import HelpdeskCore

@Suite("Sign-in back-off")
struct SignInBackoffTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(
        "the wait after n failures of an account: free at first, then doubling up to 15 minutes",
        arguments: [
            (0, nil), (1, nil), (5, nil), (6, 1.0), (7, 2.0), (8, 4.0), (10, 16.0), (15, 512.0), (16, 900.0),
            (40, 900.0), (10_000, 900.0),
        ] as [(Int, TimeInterval?)])
    func accountDelay(failures: Int, expected: TimeInterval?) {
        #expect(SignInBackoff.account.delay(afterFailures: failures) == expected)
    }

    @Test(
        "an address is allowed thirty failures before it waits",
        arguments: [(30, nil), (31, 1.0), (32, 2.0)] as [(Int, TimeInterval?)])
    func addressDelay(failures: Int, expected: TimeInterval?) {
        #expect(SignInBackoff.address.delay(afterFailures: failures) == expected)
    }

    @Test(
        "retry-after counts whole seconds from the last failure and ends when the wait is over",
        arguments: [
            (6, 0.0, 1), (6, 0.2, 1), (6, 1.0, nil), (8, 1.5, 3), (8, 4.0, nil), (16, 60, 840), (16, 899.5, 1),
            (5, 0, nil),
            // A day after the last failure the count no longer matters.
            (40, 86_400, nil),
        ] as [(Int, TimeInterval, Int?)])
    func retryAfter(failures: Int, secondsSince: TimeInterval, expected: Int?) {
        let now = Self.t0.addingTimeInterval(secondsSince)
        #expect(SignInBackoff.account.retryAfter(failures: failures, lastFailure: Self.t0, now: now) == expected)
    }
}
