/// Users, groups, categories, calendars, SLA policies, settings, tickets with their event log,
/// per-scope ticket counters and API tokens. Times are epoch milliseconds (BIGINT); JSON is TEXT.
enum M001_InitialSchema {
    static let migration = Migration(version: 1, name: "initial_schema") { dialect in
        let pk = dialect.primaryKey
        return [
            """
            CREATE TABLE users (
                id \(pk), username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
                role TEXT NOT NULL, tier TEXT, email TEXT, phone TEXT, department TEXT, employee_number TEXT,
                region TEXT, external BIGINT NOT NULL DEFAULT 0, locale TEXT NOT NULL DEFAULT 'zh-CN',
                active BIGINT NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)
            """,
            "CREATE TABLE support_groups (id \(pk), name TEXT NOT NULL UNIQUE, name_en TEXT, created_at BIGINT NOT NULL)",
            """
            CREATE TABLE user_groups (
                user_id BIGINT NOT NULL REFERENCES users(id), group_id BIGINT NOT NULL REFERENCES support_groups(id),
                PRIMARY KEY (user_id, group_id))
            """,
            "CREATE INDEX user_groups_group ON user_groups (group_id)",
            """
            CREATE TABLE categories (
                id \(pk), parent_id BIGINT REFERENCES categories(id), name TEXT NOT NULL, name_en TEXT,
                default_group_id BIGINT REFERENCES support_groups(id), sort_order BIGINT NOT NULL DEFAULT 0,
                active BIGINT NOT NULL DEFAULT 1)
            """,
            "CREATE UNIQUE INDEX categories_sibling_name ON categories (COALESCE(parent_id, 0), name)",
            "CREATE TABLE calendars (id \(pk), name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            """
            CREATE TABLE sla_policies (
                id \(pk), version BIGINT NOT NULL UNIQUE, name TEXT NOT NULL, definition TEXT NOT NULL,
                calendar_id BIGINT NOT NULL REFERENCES calendars(id), created_at BIGINT NOT NULL, created_by BIGINT)
            """,
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            "CREATE TABLE ticket_counters (scope TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            """
            CREATE TABLE tickets (
                id \(pk), number TEXT NOT NULL UNIQUE, title TEXT NOT NULL, status TEXT NOT NULL,
                is_open BIGINT NOT NULL, priority TEXT NOT NULL, tier TEXT NOT NULL, type TEXT NOT NULL,
                category_id BIGINT, subcategory_id BIGINT, group_id BIGINT, assignee_id BIGINT,
                requester_user_id BIGINT, requester_name TEXT NOT NULL, requester_external BIGINT NOT NULL,
                created_by BIGINT NOT NULL, submitted_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL, response_due_at BIGINT, responded_at BIGINT,
                resolution_due_at BIGINT, resolved_at BIGINT, next_due_at BIGINT, sla_policy_id BIGINT NOT NULL REFERENCES sla_policies(id),
                version BIGINT NOT NULL, sla TEXT NOT NULL, doc TEXT NOT NULL)
            """,
            "CREATE INDEX tickets_status ON tickets (status, id)",
            "CREATE INDEX tickets_priority ON tickets (priority, id)",
            "CREATE INDEX tickets_category ON tickets (category_id, id)",
            "CREATE INDEX tickets_subcategory ON tickets (subcategory_id, id)",
            "CREATE INDEX tickets_group ON tickets (group_id, id)",
            "CREATE INDEX tickets_assignee ON tickets (assignee_id, id)",
            "CREATE INDEX tickets_requester ON tickets (requester_user_id, id)",
            "CREATE INDEX tickets_next_due ON tickets (next_due_at) WHERE next_due_at IS NOT NULL",
            """
            CREATE TABLE ticket_events (
                id \(pk), ticket_id BIGINT NOT NULL REFERENCES tickets(id), kind TEXT NOT NULL, action TEXT,
                from_status TEXT, to_status TEXT, actor_id BIGINT NOT NULL, actor_name TEXT NOT NULL,
                at BIGINT NOT NULL, reason TEXT, body TEXT, visibility TEXT NOT NULL, data TEXT NOT NULL)
            """,
            "CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id)",
            """
            CREATE TABLE api_tokens (
                id \(pk), digest TEXT NOT NULL UNIQUE, user_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT)
            """,
            "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
        ]
    }
}
