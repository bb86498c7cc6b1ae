/// The search index (issue #12): `ticket_search` holds each ticket's normalized public and
/// internal text (for the exact substring check), and the tokens of ``SearchAnalyzer`` go into
/// SQLite FTS5 or a PostgreSQL GIN index. FTS5 is contentless (the text is in `ticket_search`)
/// and uses the `ascii` tokenizer: it splits only at ASCII punctuation and spaces, which never
/// occur inside our tokens, so it keeps every token exactly as the analyzer made it.
/// Tickets from before this migration are indexed by `indexUnindexedTickets` at start-up.
enum M015_SearchIndex {
    static let migration = Migration(version: 15, name: "search_index") { dialect in
        switch dialect {
        case .sqlite:
            [
                """
                CREATE TABLE ticket_search (
                    ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id), public_text TEXT NOT NULL,
                    internal_text TEXT NOT NULL)
                """,
                """
                CREATE VIRTUAL TABLE ticket_search_fts USING fts5(
                    public_tokens, internal_tokens, content='', contentless_delete=1, detail=column, tokenize='ascii')
                """,
            ]
        case .postgres:
            [
                """
                CREATE TABLE ticket_search (
                    ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id), public_text TEXT NOT NULL,
                    internal_text TEXT NOT NULL, public_tokens TSVECTOR NOT NULL, all_tokens TSVECTOR NOT NULL)
                """,
                "CREATE INDEX ticket_search_tokens ON ticket_search USING GIN (all_tokens)",
            ]
        }
    }
}
