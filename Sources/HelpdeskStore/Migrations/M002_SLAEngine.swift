/// The SLA engine (issue #3): the scheduler's next-timer column, major-incident links,
/// pending extensions, group leads, the notification outbox, the in-app inbox, webhooks
/// and the delivery log of outbound messages.
enum M002_SLAEngine {
    static let migration = Migration(version: 2, name: "sla_engine") { dialect in
        let pk = dialect.primaryKey
        return [
            "ALTER TABLE tickets ADD COLUMN next_timer_at BIGINT",
            "CREATE INDEX tickets_next_timer ON tickets (next_timer_at) WHERE next_timer_at IS NOT NULL",
            // Tickets from before the engine are looked at once; the scheduler then plans them.
            "UPDATE tickets SET next_timer_at = 0 WHERE status <> 'closed'",
            "ALTER TABLE tickets ADD COLUMN major_incident_number TEXT",
            """
            CREATE INDEX tickets_major_incident ON tickets (major_incident_number, id)
                WHERE major_incident_number IS NOT NULL
            """,
            "ALTER TABLE tickets ADD COLUMN pending_extension BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX tickets_pending_extension ON tickets (id) WHERE pending_extension = 1",
            "ALTER TABLE support_groups ADD COLUMN lead_user_id BIGINT",
            """
            CREATE TABLE notification_outbox (
                id \(pk), ticket_id BIGINT, notice TEXT NOT NULL, created_at BIGINT NOT NULL, dispatched_at BIGINT)
            """,
            "CREATE INDEX notification_outbox_pending ON notification_outbox (id) WHERE dispatched_at IS NULL",
            """
            CREATE TABLE notifications (
                id \(pk), user_id BIGINT NOT NULL, kind TEXT NOT NULL, ticket_number TEXT NOT NULL,
                arguments TEXT NOT NULL, created_at BIGINT NOT NULL, read_at BIGINT)
            """,
            "CREATE INDEX notifications_user ON notifications (user_id, id)",
            "CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL",
            """
            CREATE TABLE webhooks (
                id \(pk), name TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL,
                active BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE deliveries (
                id \(pk), channel TEXT NOT NULL, webhook_id BIGINT, user_id BIGINT, target TEXT NOT NULL,
                event TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL, claimed_until BIGINT, last_error TEXT, last_status BIGINT,
                created_at BIGINT NOT NULL, delivered_at BIGINT)
            """,
            "CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'",
            "CREATE INDEX deliveries_webhook ON deliveries (webhook_id, id)",
        ]
    }
}
