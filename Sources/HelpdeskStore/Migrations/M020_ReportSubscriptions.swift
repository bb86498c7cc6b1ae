/// Scheduled report e-mail (issue #13): who gets which report when, the next run (claimed by
/// the instance that moves it on, so several instances send each report once), and the last
/// period sent.
enum M020_ReportSubscriptions {
    static let migration = Migration(version: 20, name: "report_subscriptions") { dialect in
        [
            """
            CREATE TABLE report_subscriptions (
                id \(dialect.primaryKey), user_id BIGINT NOT NULL REFERENCES users(id), kind TEXT NOT NULL,
                weekday BIGINT, day_of_month BIGINT, minute_of_day BIGINT NOT NULL, group_id BIGINT,
                next_run_at BIGINT NOT NULL, last_sent_at BIGINT, last_period TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX report_subscriptions_due ON report_subscriptions (next_run_at)",
            "CREATE INDEX report_subscriptions_user ON report_subscriptions (user_id, id)",
        ]
    }
}
