/// IM intake (issue #11). `im_conversations` holds, per ticket that came by IM, the channel,
/// the conversation and its requester (a new message there continues their open ticket) and
/// the reply target as the use case wrote it (JSON: thread, session webhook, application);
/// `im_identities` maps a sender's id on a channel to the desk's user; `im_nonces` holds, until
/// they expire, the signatures that may be used once (DingTalk signs no body). And
/// `mail_messages.html`, a mail's HTML body sanitised for display.
enum M023_IMConversations {
    static let migration = Migration(version: 23, name: "im_conversations") { _ in
        [
            """
            CREATE TABLE im_conversations (
                ticket_id BIGINT PRIMARY KEY, channel_id BIGINT NOT NULL, conversation_id TEXT NOT NULL,
                requester_id BIGINT NOT NULL, target TEXT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX im_conversations_sender ON im_conversations (channel_id, conversation_id, requester_id)",
            """
            CREATE TABLE im_identities (
                channel_id BIGINT NOT NULL, external_id TEXT NOT NULL, user_id BIGINT NOT NULL,
                created_at BIGINT NOT NULL, PRIMARY KEY (channel_id, external_id))
            """,
            """
            CREATE TABLE im_nonces (
                channel_id BIGINT NOT NULL, nonce TEXT NOT NULL, expires_at BIGINT NOT NULL,
                PRIMARY KEY (channel_id, nonce))
            """,
            "CREATE INDEX im_nonces_expiry ON im_nonces (expires_at)",
            // An incoming mail's HTML body, sanitised for display (issue #11).
            "ALTER TABLE mail_messages ADD COLUMN html TEXT",
        ]
    }
}
