/// PostgreSQL's search index gains each ticket's place in time (issue #12). A GIN index yields
/// its matches in no order, so "newest first" had to fetch every match of a common term, or walk
/// the tickets backwards testing each, which for a rare term is all of them: seconds at a million
/// tickets, whichever plan the planner picked. The index is now over the tokens plus two lexemes
/// naming the ticket's id range (`#f` per 1 024 ids, `#c` per 32 768), so a search can ask for
/// the matches among the newest ids and widen only when they are too few (``SearchWindow``).
/// It is an expression index: no row is rewritten, and it replaces the index over the tokens
/// alone, which a search over the expression no longer needs. SQLite's FTS5 walks its matches by
/// rowid already: nothing changes there.
enum M027_SearchWindows {
    static let migration = Migration(version: 27, name: "search_windows") { dialect in
        switch dialect {
        case .sqlite: []
        case .postgres:
            [
                "CREATE INDEX ticket_search_windowed ON ticket_search USING GIN (\(Dialect.windowedTokens(alias: nil)))",
                "DROP INDEX ticket_search_tokens",
            ]
        }
    }
}
