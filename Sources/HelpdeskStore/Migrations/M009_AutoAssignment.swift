/// Automatic assignment per group (R4.1): the group's mode and the last engineer it gave a
/// ticket to (round-robin continues after them), and whether an engineer is away.
enum M009_AutoAssignment {
    static let migration = Migration(version: 9, name: "auto_assignment") { _ in
        [
            "ALTER TABLE support_groups ADD COLUMN assignment_mode TEXT NOT NULL DEFAULT 'manual'",
            "ALTER TABLE support_groups ADD COLUMN last_assigned_user_id BIGINT",
            "ALTER TABLE users ADD COLUMN away BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX tickets_open_assignee ON tickets (assignee_id, priority) WHERE is_open = 1",
        ]
    }
}
