/// The ticket's channel gets a column of its own, so queues filter on it with an index
/// (the value was only in the ticket document); existing rows are filled from the document.
enum M008_TicketChannel {
    static let migration = Migration(version: 8, name: "ticket_channel") { dialect in
        let fromDocument =
            dialect == .postgres ? "CAST(doc AS jsonb) ->> 'channel'" : "json_extract(doc, '$.channel')"
        return [
            "ALTER TABLE tickets ADD COLUMN channel TEXT",
            "UPDATE tickets SET channel = \(fromDocument)",
            "CREATE INDEX tickets_channel ON tickets (channel, id)",
        ]
    }
}
