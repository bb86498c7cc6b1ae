/// IMAP polling and mail out (issue #11). `channels.poll_due_at` is when an IMAP channel is to
/// be read next: an instance claims a poll by moving it on, so instances on one database take
/// turns. Outgoing rows record their recipient and whether the mail was automatic
/// (`Auto-Submitted`), so that automatic mail to one address is capped per day; an incoming
/// row records whether it was itself automatic (never answered automatically).
/// `mail_suppressions` holds the addresses a delivery report said are gone for good.
enum M022_MailLoops {
    static let migration = Migration(version: 22, name: "mail_loops") { _ in
        [
            "ALTER TABLE channels ADD COLUMN poll_due_at BIGINT",
            "ALTER TABLE mail_messages ADD COLUMN recipient TEXT",
            "ALTER TABLE mail_messages ADD COLUMN automatic BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX mail_messages_recipient ON mail_messages (recipient, received_at)",
            """
            CREATE TABLE mail_suppressions (
                address TEXT PRIMARY KEY, reason TEXT NOT NULL, ticket_id BIGINT, created_at BIGINT NOT NULL)
            """,
        ]
    }
}
