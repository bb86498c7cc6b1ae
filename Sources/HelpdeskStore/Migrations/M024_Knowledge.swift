/// The knowledge base (issue #12, R6.2). `kb_articles` holds each article's current content
/// (`doc`, JSON of ``KBContent``) with its status and writers, its tags as `,a,b,`, and `search_text`, its texts
/// normalized by ``SearchAnalyzer`` for the exact substring check; the analyzer's tokens go
/// into SQLite FTS5 (`kb_search_fts`, rowid = article id) or a PostgreSQL GIN index, as for
/// tickets (M015). `kb_revisions` keeps every saved content; `kb_article_tickets` the tickets
/// an article came from or solves; `kb_feedback` one vote per reader; `kb_views` the articles
/// opened from the portal's intake form (for deflection); `kb_gaps` the searches that found
/// no article.
enum M024_Knowledge {
    static let migration = Migration(version: 24, name: "knowledge") { dialect in
        var statements = [
            """
            CREATE TABLE kb_articles (
                id \(dialect.primaryKey), status TEXT NOT NULL, visibility TEXT NOT NULL, title TEXT NOT NULL,
                doc TEXT NOT NULL, search_text TEXT NOT NULL, author_id BIGINT NOT NULL, editor_id BIGINT NOT NULL,
                reviewer_id BIGINT, revision BIGINT NOT NULL, category_id BIGINT, tags TEXT NOT NULL, created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL, published_at BIGINT, helpful BIGINT NOT NULL DEFAULT 0,
                not_helpful BIGINT NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX kb_articles_status ON kb_articles (status, updated_at)",
            """
            CREATE TABLE kb_revisions (
                article_id BIGINT NOT NULL REFERENCES kb_articles(id), number BIGINT NOT NULL, doc TEXT NOT NULL,
                editor_id BIGINT NOT NULL, at BIGINT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (article_id, number))
            """,
            """
            CREATE TABLE kb_article_tickets (
                article_id BIGINT NOT NULL REFERENCES kb_articles(id), ticket_number TEXT NOT NULL,
                PRIMARY KEY (article_id, ticket_number))
            """,
            "CREATE INDEX kb_article_tickets_ticket ON kb_article_tickets (ticket_number)",
            """
            CREATE TABLE kb_feedback (
                article_id BIGINT NOT NULL REFERENCES kb_articles(id), user_id BIGINT NOT NULL,
                helpful BIGINT NOT NULL, reason TEXT, at BIGINT NOT NULL, PRIMARY KEY (article_id, user_id))
            """,
            """
            CREATE TABLE kb_views (
                article_id BIGINT NOT NULL, user_id BIGINT NOT NULL, source TEXT NOT NULL, at BIGINT NOT NULL)
            """,
            "CREATE INDEX kb_views_user ON kb_views (user_id, at)",
            "CREATE INDEX kb_views_source ON kb_views (source, at)",
            """
            CREATE TABLE kb_gaps (
                query TEXT PRIMARY KEY, searches BIGINT NOT NULL, first_at BIGINT NOT NULL, last_at BIGINT NOT NULL)
            """,
        ]
        switch dialect {
        case .sqlite:
            statements.append(
                """
                CREATE VIRTUAL TABLE kb_search_fts USING fts5(
                    title_tokens, body_tokens, content='', contentless_delete=1, detail=column, tokenize='ascii')
                """)
        case .postgres:
            statements += [
                "ALTER TABLE kb_articles ADD COLUMN tokens TSVECTOR NOT NULL DEFAULT ''::tsvector",
                "CREATE INDEX kb_articles_tokens ON kb_articles USING GIN (tokens)",
            ]
        }
        return statements
    }
}
