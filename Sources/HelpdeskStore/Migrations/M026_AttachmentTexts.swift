/// The words of plain-text attachments, for the search index (issue #12): one row per file
/// read, written with the file. Kept apart from `attachments` so that reindexing a ticket
/// never reads its files. Files stored before this migration are read after it, newest first,
/// by `examineAttachmentsForSearch`; the setting holds the id below which they remain.
enum M026_AttachmentTexts {
    static let backfillKey = "search.attachments_unread_below"

    static let migration = Migration(version: 26, name: "attachment_texts") { _ in
        [
            """
            CREATE TABLE attachment_texts (
                attachment_id BIGINT PRIMARY KEY REFERENCES attachments(id),
                ticket_id BIGINT NOT NULL REFERENCES tickets(id), text TEXT NOT NULL)
            """,
            "CREATE INDEX attachment_texts_ticket ON attachment_texts (ticket_id, attachment_id)",
            """
            INSERT INTO settings (key, value, updated_at)
            SELECT '\(backfillKey)', CAST(MAX(id) + 1 AS TEXT), 0 FROM attachments HAVING COUNT(*) > 0
            """,
        ]
    }
}
