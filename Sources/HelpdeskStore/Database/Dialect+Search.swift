import HelpdeskCore
import SQLKit

/// How each database holds and asks the search index (M015). Both are fed the same tokens by
/// ``SearchAnalyzer``; the substring check that makes Chinese terms exact is the same
/// function on both (`instr` / `strpos`, haystack first).
extension Dialect {
    /// The index tables of a search, the index row as `s`.
    var searchIndexTables: String {
        switch self {
        case .sqlite: "ticket_search_fts JOIN ticket_search s ON s.ticket_id = ticket_search_fts.rowid"
        case .postgres: "ticket_search s"
        }
    }

    /// The tables of a search with the ticket row as `t`.
    var searchTables: String { searchIndexTables + " JOIN tickets t ON t.id = \(searchId)" }

    /// The ticket id of a search row: FTS5's rowid, so that `ORDER BY` it walks the index in order.
    var searchId: String {
        switch self {
        case .sqlite: "ticket_search_fts.rowid"
        case .postgres: "s.ticket_id"
        }
    }

    /// What newest-first sorts by. On PostgreSQL not the bare id, whose index the planner would
    /// otherwise walk backwards testing every row, all of them for a rare term: the matches come
    /// from the search index, a window at a time (``SearchWindow``).
    var searchOrder: String {
        switch self {
        case .sqlite: searchId
        case .postgres: "(s.ticket_id + 0)"
        }
    }

    /// The function `(haystack, needle)` giving the needle's 1-based position, 0 when absent.
    var substringPosition: String {
        switch self {
        case .sqlite: "instr"
        case .postgres: "strpos"
        }
    }

    /// The index condition: every clause of every term; over the public tokens only when the
    /// searcher may not see internal text. On PostgreSQL, `window` keeps the matches to the id
    /// ranges it names (M027); nil searches them all.
    func searchMatch(_ query: SearchQuery, includeInternal: Bool, window: SearchWindow? = nil) -> SQLQueryString {
        switch self {
        case .sqlite:
            let expression = Self.ftsExpression(query.terms.flatMap(\.clauses), joinedBy: "AND")
            let match = includeInternal ? expression : "{public_tokens} : (\(expression))"
            return "ticket_search_fts MATCH \(bind: match)"
        case .postgres:
            // The index holds every token; a requester's matches are those among the public ones.
            let terms = Self.tsquery(query)
            let indexed = window.map { "(\(terms)) & (\($0.tsquery))" } ?? terms
            var sql: SQLQueryString = "\(unsafeRaw: Self.windowedTokens(alias: "s")) @@ \(bind: indexed)::tsquery"
            if !includeInternal { sql += " AND s.public_tokens @@ \(bind: terms)::tsquery" }
            return sql
        }
    }

    /// The expression PostgreSQL's search index is over (M027): a ticket's tokens and the
    /// lexemes of its id ranges, `#f` and the id shifted right by ``SearchWindow/fineShift``,
    /// `#c` and the id shifted by ``SearchWindow/coarseShift``. The analyzer's tokens never hold `#`.
    static func windowedTokens(alias: String?) -> String {
        let p = alias.map { $0 + "." } ?? ""
        return """
            (\(p)all_tokens || array_to_tsvector(ARRAY['#f' || (\(p)ticket_id >> \(SearchWindow.fineShift))::text, \
            '#c' || (\(p)ticket_id >> \(SearchWindow.coarseShift))::text]))
            """
    }

    /// Relevance as a number to sort ascending (best first).
    func searchRank(_ query: SearchQuery, includeInternal: Bool) -> SQLQueryString {
        switch self {
        case .sqlite:
            return "bm25(ticket_search_fts)"
        case .postgres:
            let column = includeInternal ? "s.all_tokens" : "s.public_tokens"
            return "-ts_rank(\(unsafeRaw: column), \(bind: Self.tsquery(query))::tsquery)"
        }
    }

    /// Writes a ticket's index row; `replacing` when it may have one already.
    func writeSearchDocument(
        _ document: SearchDocument, ticketId: Int64, replacing: Bool, on db: any SQLDatabase
    ) async throws {
        switch self {
        case .sqlite:
            try await db.raw(
                """
                INSERT INTO ticket_search (ticket_id, public_text, internal_text)
                VALUES (\(bind: ticketId), \(bind: document.publicText), \(bind: document.internalText))
                ON CONFLICT (ticket_id) DO UPDATE SET public_text = excluded.public_text,
                    internal_text = excluded.internal_text
                """
            ).run()
            if replacing { try await db.raw("DELETE FROM ticket_search_fts WHERE rowid = \(bind: ticketId)").run() }
            try await db.raw(
                """
                INSERT INTO ticket_search_fts (rowid, public_tokens, internal_tokens)
                VALUES (\(bind: ticketId), \(bind: document.publicTokens.joined(separator: " ")),
                    \(bind: document.internalTokens.joined(separator: " ")))
                """
            ).run()
        case .postgres:
            try await db.raw(
                """
                INSERT INTO ticket_search (ticket_id, public_text, internal_text, public_tokens, all_tokens)
                VALUES (\(bind: ticketId), \(bind: document.publicText), \(bind: document.internalText),
                    \(bind: Self.vector(document.publicTokens))::tsvector,
                    \(bind: Self.vector(document.publicTokens + document.internalTokens))::tsvector)
                ON CONFLICT (ticket_id) DO UPDATE SET public_text = excluded.public_text,
                    internal_text = excluded.internal_text, public_tokens = excluded.public_tokens,
                    all_tokens = excluded.all_tokens
                """
            ).run()
        }
    }

    /// An FTS5 expression of the clauses, each quoted, joined by `AND` or `OR`.
    static func ftsExpression(_ clauses: [SearchTerm.Clause], joinedBy separator: String) -> String {
        clauses.map {
            "\"" + $0.token.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + ($0.prefix ? " *" : "")
        }.joined(separator: " \(separator) ")
    }

    /// A tsvector literal of the tokens as they are: each quoted, so PostgreSQL neither splits
    /// nor stems them.
    static func vector(_ tokens: [String]) -> String {
        Set(tokens).sorted().map(lexeme).joined(separator: " ")
    }

    /// Every clause of every term, AND-ed, as a tsquery literal.
    static func tsquery(_ query: SearchQuery) -> String { tsquery(query.terms.flatMap(\.clauses), joinedBy: "&") }

    /// The clauses as a tsquery literal, joined by `&` or `|`.
    static func tsquery(_ clauses: [SearchTerm.Clause], joinedBy separator: String) -> String {
        clauses.map { lexeme($0.token) + ($0.prefix ? ":*" : "") }.joined(separator: " \(separator) ")
    }

    static func lexeme(_ token: String) -> String {
        "'" + token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
