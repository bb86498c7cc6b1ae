/// Consecutive failed sign-ins per key (`account:<name>`, `address:<ip>`), shared by every
/// server instance so throttling holds behind a load balancer.
enum M005_SignInFailures {
    static let migration = Migration(version: 5, name: "sign_in_failures") { _ in
        [
            """
            CREATE TABLE sign_in_failures (
                key TEXT PRIMARY KEY, failures BIGINT NOT NULL, last_failure_at BIGINT NOT NULL)
            """
        ]
    }
}
