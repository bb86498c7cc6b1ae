/// Queues sorted soonest due first (`sort=due`) order by `COALESCE(next_due_at, max), id`; an
/// index on that very expression lets a page of 50 be read in order instead of sorting every
/// matching ticket (the query must spell the expression the same way, see `SQLStore.tickets`).
enum M014_DueOrderIndex {
    static let migration = Migration(version: 14, name: "due_order_index") { _ in
        ["CREATE INDEX tickets_due_order ON tickets ((COALESCE(next_due_at, \(Int64.max))), id)"]
    }
}
