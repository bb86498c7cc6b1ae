/// Intake channels as configuration (issue #11): an IMAP mailbox or an MTA's mailgate pipe,
/// with its settings (JSON; secrets inside are never returned by the API), the mailgate's
/// token digest, and its health: last success, last error, counts.
enum M017_Channels {
    static let migration = Migration(version: 17, name: "channels") { dialect in
        [
            """
            CREATE TABLE channels (
                id \(dialect.primaryKey), kind TEXT NOT NULL, name TEXT NOT NULL, settings TEXT NOT NULL,
                token_digest TEXT, active BIGINT NOT NULL DEFAULT 1, last_success_at BIGINT, last_error_at BIGINT,
                last_error TEXT, received_count BIGINT NOT NULL DEFAULT 0, quarantined_count BIGINT NOT NULL DEFAULT 0,
                sent_count BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX channels_token ON channels (token_digest)",
        ]
    }
}
