/// Closed tickets now have a timer (archive, R6.1): the ones closed before it existed are
/// marked "plan me" (0), as M002 did for open tickets, and the scheduler plans them.
enum M007_ArchiveTimers {
    static let migration = Migration(version: 7, name: "archive_timers") { _ in
        ["UPDATE tickets SET next_timer_at = 0 WHERE status = 'closed'"]
    }
}
