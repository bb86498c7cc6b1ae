/// The tracking table's two fields that lived only in the ticket's document (issue #13): the
/// description as the table shows it, personal data already masked (R9.2), and the satisfaction
/// score. Written with every ticket write, so an export reads no document; rows from before
/// this migration are filled at start-up (`SQLStore.fillReportColumns`) and read from the
/// document until then.
enum M021_ReportColumns {
    static let migration = Migration(version: 21, name: "report_columns") { _ in
        [
            "ALTER TABLE tickets ADD COLUMN report_description TEXT",
            "ALTER TABLE tickets ADD COLUMN satisfaction_score BIGINT",
            // The rows still to fill, so that a start-up finds none without reading the table.
            "CREATE INDEX tickets_report_unfilled ON tickets (id) WHERE report_description IS NULL",
        ]
    }
}
