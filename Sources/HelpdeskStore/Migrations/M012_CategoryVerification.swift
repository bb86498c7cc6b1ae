/// A category can require internal verification of a solution before the requester is told
/// (R5.1); existing categories do not. Tickets resolved before the `review_due` timer (R5.5)
/// existed get it when they are next written, not all at once: re-planning them here would send
/// the supervisors one overdue reminder per waiting ticket the moment the upgrade runs.
enum M012_CategoryVerification {
    static let migration = Migration(version: 12, name: "category_verification") { _ in
        [
            "ALTER TABLE categories ADD COLUMN requires_verification BIGINT NOT NULL DEFAULT 0"
        ]
    }
}
