/// Reports read the tickets submitted in a period in submission order (issue #13): an index on
/// `(submitted_at, id)` makes a month of 40 000 tickets a range read, and the tracking table's
/// export a keyset walk over it.
enum M019_ReportIndex {
    static let migration = Migration(version: 19, name: "report_index") { _ in
        ["CREATE INDEX tickets_submitted ON tickets (submitted_at, id)"]
    }
}
