/// Mail in and out (issue #11). `mail_raw` holds every raw message once, addressed by its
/// SHA-256, written before anything parses it; `mail_messages` is one row per message seen
/// on a channel (or sent), `received` until intake made it a ticket or a reply (`processed`)
/// or could not parse it (`quarantined`, with the error). A message counts as a duplicate when
/// its Message-ID and digest were seen already (`dedupe_key`, unique per direction).
enum M018_MailMessages {
    static let migration = Migration(version: 18, name: "mail_messages") { dialect in
        [
            """
            CREATE TABLE mail_raw (
                sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, data \(dialect.blob) NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE mail_messages (
                id \(dialect.primaryKey), channel_id BIGINT REFERENCES channels(id), direction TEXT NOT NULL,
                status TEXT NOT NULL, raw_sha256 TEXT NOT NULL REFERENCES mail_raw(sha256), message_id TEXT,
                dedupe_key TEXT NOT NULL, ticket_id BIGINT REFERENCES tickets(id), from_address TEXT,
                to_addresses TEXT NOT NULL DEFAULT '[]', subject TEXT, body TEXT, attachments TEXT NOT NULL DEFAULT '[]',
                error TEXT, received_at BIGINT NOT NULL, processed_at BIGINT)
            """,
            "CREATE UNIQUE INDEX mail_messages_dedupe ON mail_messages (direction, dedupe_key)",
            "CREATE INDEX mail_messages_ticket ON mail_messages (ticket_id, id)",
            "CREATE INDEX mail_messages_message_id ON mail_messages (message_id)",
            "CREATE INDEX mail_messages_status ON mail_messages (status, id)",
        ]
    }
}
