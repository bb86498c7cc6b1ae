/// Files attached to tickets (screenshots, logs), stored in the database so every server
/// instance serves them. Version 2 belongs to the SLA engine.
enum M003_Attachments {
    static let migration = Migration(version: 3, name: "attachments") { dialect in
        [
            """
            CREATE TABLE attachments (
                id \(dialect.primaryKey), ticket_id BIGINT NOT NULL REFERENCES tickets(id), filename TEXT NOT NULL,
                content_type TEXT NOT NULL, size BIGINT NOT NULL, uploaded_by BIGINT NOT NULL,
                created_at BIGINT NOT NULL, data \(dialect.blob) NOT NULL)
            """,
            "CREATE INDEX attachments_ticket ON attachments (ticket_id, id)",
        ]
    }
}
