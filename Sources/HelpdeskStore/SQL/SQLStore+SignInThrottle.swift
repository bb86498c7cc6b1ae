import Foundation
import SQLKit

extension SQLStore {
    public func signInFailures(keys: [String]) async throws -> [String: SignInFailures] {
        guard !keys.isEmpty else { return [:] }
        return try await database.read { db in
            let rows = try await db.raw(
                "SELECT key, failures, last_failure_at FROM sign_in_failures WHERE key IN (\(binds: keys))"
            ).all()
            var found: [String: SignInFailures] = [:]
            for row in rows {
                found[try row.string("key")] = SignInFailures(
                    count: Int(try row.int("failures")), lastFailure: Date(millis: try row.int("last_failure_at")))
            }
            return found
        }
    }

    public func recordSignInFailure(keys: [String], at now: Date, forgetBefore: Date) async throws {
        try await database.transaction { db in
            for key in keys {
                try await db.raw(
                    """
                    INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES (\(bind: key), 1, \(bind: now.millis))
                    ON CONFLICT (key) DO UPDATE SET
                        failures = CASE WHEN sign_in_failures.last_failure_at < \(bind: forgetBefore.millis) THEN 1
                            ELSE sign_in_failures.failures + 1 END,
                        last_failure_at = excluded.last_failure_at
                    """
                ).run()
            }
        }
    }

    public func clearSignInFailures(key: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sign_in_failures WHERE key = \(bind: key)").run()
        }
    }
}
