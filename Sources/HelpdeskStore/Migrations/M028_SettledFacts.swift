/// A resolved ticket's report facts kept beside it (issue #13, ``SettledFacts``): a monthly
/// report read every ticket's document and walked its business calendar, about 80 µs a ticket,
/// and a month of 40 000 tickets must take under a second. Written with every ticket write,
/// empty while the ticket is open (its facts depend on the report's instant), dropped for the
/// tickets of a calendar that changes. Rows without them are filled at start-up and by the
/// reports' scheduler (`SQLStore.fillReportFacts`) and read from their documents until then.
enum M028_SettledFacts {
    static let migration = Migration(version: 28, name: "settled_facts") { _ in
        [
            "ALTER TABLE tickets ADD COLUMN report_facts TEXT",
            // The resolved rows still to fill, so that a check finds none without reading the table.
            "CREATE INDEX tickets_facts_unfilled ON tickets (id) WHERE report_facts IS NULL AND resolved_at IS NOT NULL",
        ]
    }
}
