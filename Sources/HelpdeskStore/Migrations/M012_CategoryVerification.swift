/// A category can require internal verification of a solution before the requester is told
/// (R5.1); existing categories do not. Tickets waiting for review and close now have a timer
/// (`review_due`, R5.5): those resolved before it existed are marked "plan me" (0), as M007
/// did for the archive, so each of them reminds the supervisors once after the upgrade.
enum M012_CategoryVerification {
    static let migration = Migration(version: 12, name: "category_verification") { _ in
        [
            "ALTER TABLE categories ADD COLUMN requires_verification BIGINT NOT NULL DEFAULT 0",
            "UPDATE tickets SET next_timer_at = 0 WHERE status IN ('resolved', 'confirmed', 'reviewed')",
        ]
    }
}
