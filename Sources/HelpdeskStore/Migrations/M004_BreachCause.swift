/// The 延期原因 of a breached ticket (R3.4) as a column, so the supervisor's overdue list shows
/// it without decoding whole tickets; filled from the documents that already hold one.
enum M004_BreachCause {
    static let migration = Migration(version: 4, name: "breach_cause") { dialect in
        [
            "ALTER TABLE tickets ADD COLUMN breach_cause TEXT",
            """
            UPDATE tickets SET breach_cause = \(dialect.jsonText("doc", "breachCause"))
            WHERE doc LIKE '%"breachCause"%'
            """,
        ]
    }
}
