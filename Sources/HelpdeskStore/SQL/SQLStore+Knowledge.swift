import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func createArticle(_ article: KBArticle, note: KBRevisionNote) async throws -> KBArticle {
        let dialect = database.dialect
        return try await write { db in
            var created = article
            let content = article.content
            created.id = try await db.raw(
                """
                INSERT INTO kb_articles (status, visibility, title, doc, search_text, author_id, editor_id, reviewer_id,
                    revision, category_id, tags, created_at, updated_at, published_at)
                VALUES (\(bind: article.status.rawValue), \(bind: content.visibility.rawValue), \(bind: content.title),
                    \(bind: try Self.json(content)), \(bind: Self.searchText(content)), \(bind: article.authorId),
                    \(bind: article.editorId), \(bind: article.reviewerId), \(bind: Int64(article.revision)),
                    \(bind: content.categoryId), \(bind: Self.tagsColumn(content)), \(bind: article.createdAt.millis), \(bind: article.updatedAt.millis),
                    \(bind: article.publishedAt?.millis)) RETURNING id
                """
            ).first()!.int("id")
            try await Self.insertRevision(
                KBRevision(
                    articleId: created.id, number: article.revision, content: content, editorId: article.editorId,
                    at: article.updatedAt, note: note), on: db)
            try await Self.link(created.id, article.ticketNumbers, on: db)
            try await Self.indexArticle(created.id, content, replacing: false, dialect: dialect, on: db)
            return created
        }
    }

    public func article(id: Int64) async throws -> KBArticle? {
        try await database.read { db in try await Self.article(id: id, on: db) }
    }

    public func reviseArticle(
        id: Int64, content: KBContent, from: KBStatus, to status: KBStatus, editorId: Int64, expectedRevision: Int,
        note: KBRevisionNote, now: Date
    ) async throws -> KBArticle {
        let dialect = database.dialect
        defer { invalidatePublished() }
        return try await write { db in
            let updated = try await db.raw(
                """
                UPDATE kb_articles SET status = \(bind: status.rawValue), visibility = \(bind: content.visibility.rawValue),
                    title = \(bind: content.title), doc = \(bind: try Self.json(content)),
                    search_text = \(bind: Self.searchText(content)), editor_id = \(bind: editorId),
                    revision = revision + 1, category_id = \(bind: content.categoryId),
                    tags = \(bind: Self.tagsColumn(content)), updated_at = \(bind: now.millis)
                WHERE id = \(bind: id) AND revision = \(bind: Int64(expectedRevision)) AND status = \(bind: from.rawValue)
                RETURNING id
                """
            ).first()
            guard updated != nil else {
                guard let current = try await Self.article(id: id, on: db) else {
                    throw StoreError.notFound("kb_article")
                }
                throw KBRevisionConflict(current: current.revision)
            }
            try await Self.insertRevision(
                KBRevision(
                    articleId: id, number: expectedRevision + 1, content: content, editorId: editorId, at: now,
                    note: note), on: db)
            try await Self.indexArticle(id, content, replacing: true, dialect: dialect, on: db)
            return try await Self.article(id: id, on: db)!
        }
    }

    public func setArticleStatus(
        id: Int64, from: KBStatus, to: KBStatus, revision: Int?, reviewerId: Int64?, notices: [Notice], now: Date
    ) async throws -> KBArticle? {
        defer { invalidatePublished() }
        return try await write { db in
            var sql: SQLQueryString =
                "UPDATE kb_articles SET status = \(bind: to.rawValue), updated_at = \(bind: now.millis)"
            if to == .published {
                sql += ", reviewer_id = \(bind: reviewerId), published_at = \(bind: now.millis)"
            }
            sql += " WHERE id = \(bind: id) AND status = \(bind: from.rawValue)"
            if let revision { sql += " AND revision = \(bind: Int64(revision))" }
            sql += " RETURNING id"
            guard try await db.raw(sql).first() != nil else { return nil }
            try await Self.writeOutbox(notices, ticketId: nil, now: now, on: db)
            return try await Self.article(id: id, on: db)
        }
    }

    public func linkArticle(id: Int64, ticketNumbers: [String]) async throws {
        try await write { db in try await Self.link(id, ticketNumbers, on: db) }
    }

    public func articles(_ query: KBQuery) async throws -> KBPage {
        let dialect = database.dialect
        let limit = max(1, min(query.limit, 100))
        return try await database.read { db in
            var sql: SQLQueryString = "SELECT a.*"
            let ranked = query.search != nil && query.order == .relevance
            if let search = query.search, ranked, search.terms.contains(where: { !$0.clauses.isEmpty }) {
                sql += ", \(dialect.articleRank(search)) AS hit_rank"
            } else {
                sql += ", 0 AS hit_rank"
            }
            sql += " FROM \(unsafeRaw: dialect.articleTables(searching: query.search)) WHERE "
            sql += "a.status IN (\(binds: query.statuses.map(\.rawValue)))"
            if let visibility = query.visibility { sql += " AND a.visibility = \(bind: visibility.rawValue)" }
            if let category = query.categoryId { sql += " AND a.category_id = \(bind: category)" }
            if let search = query.search { sql += Self.articleMatch(search, dialect: dialect) }
            if let tag = query.tag {
                sql += " AND \(unsafeRaw: dialect.substringPosition)(a.tags, \(bind: "," + tag + ",")) > 0"
            }
            if let number = query.ticketNumber {
                sql += """
                     AND EXISTS (SELECT 1 FROM kb_article_tickets k WHERE k.article_id = a.id
                        AND k.ticket_number = \(bind: number))
                    """
            }
            switch query.order {
            case _ where ranked: sql += " ORDER BY hit_rank, a.id DESC"
            case .oldest: sql += " ORDER BY a.updated_at, a.id"
            case .newest, .relevance: sql += " ORDER BY a.updated_at DESC, a.id DESC"
            }
            sql += " LIMIT \(literal: limit + 1) OFFSET \(literal: max(0, query.offset))"
            let rows = try await db.raw(sql).all()
            var articles = try rows.prefix(limit).map(Self.article(from:))
            let links = try await Self.links(articles.map(\.id), on: db)
            for index in articles.indices { articles[index].ticketNumbers = links[articles[index].id] ?? [] }
            return KBPage(articles: articles, nextOffset: rows.count > limit ? query.offset + limit : nil)
        }
    }

    /// Whether any article is published (and public): every new ticket asks for suggestions,
    /// and a desk without articles answers from memory (`KnowledgeService` asks this before it
    /// analyzes the text). Cached like the settings (another instance's first publish is seen
    /// within their five seconds).
    public func hasPublishedArticles(publicOnly: Bool) async throws -> Bool {
        let key = publicOnly ? "kb.published_public" : "kb.published"
        let value = try await settingsCache.value(key) {
            try await database.read { db in
                var sql: SQLQueryString = "SELECT 1 AS found FROM kb_articles WHERE status = 'published'"
                if publicOnly { sql += " AND visibility = 'public'" }
                return try await db.raw(sql + " LIMIT 1").first() != nil
            }
        }
        return value as? Bool ?? true
    }

    /// After a change of an article's status or visibility (once it is written).
    func invalidatePublished() {
        settingsCache.invalidate("kb.published")
        settingsCache.invalidate("kb.published_public")
    }

    public func articleCandidates(tokens: [String], publicOnly: Bool, limit: Int) async throws
        -> [(article: KBArticle, text: String)]
    {
        guard !tokens.isEmpty else { return [] }
        let dialect = database.dialect
        let clauses = tokens.map { SearchTerm.Clause($0) }
        return try await database.read { db in
            var sql: SQLQueryString
            switch dialect {
            case .sqlite:
                sql = """
                    SELECT a.* FROM kb_search_fts JOIN kb_articles a ON a.id = kb_search_fts.rowid
                    WHERE kb_search_fts MATCH \(bind: Dialect.ftsExpression(clauses, joinedBy: "OR"))
                    """
            case .postgres:
                sql = """
                    SELECT a.* FROM kb_articles a
                    WHERE a.tokens @@ \(bind: Dialect.tsquery(clauses, joinedBy: "|"))::tsquery
                    """
            }
            sql += " AND a.status = 'published'"
            if publicOnly { sql += " AND a.visibility = 'public'" }
            switch dialect {
            case .sqlite: sql += " ORDER BY bm25(kb_search_fts, 4.0, 1.0)"
            case .postgres:
                sql += " ORDER BY ts_rank(a.tokens, \(bind: Dialect.tsquery(clauses, joinedBy: "|"))::tsquery) DESC"
            }
            sql += ", a.id DESC LIMIT \(literal: max(1, min(limit, 100)))"
            return try await db.raw(sql).all().map { (try Self.article(from: $0), try $0.string("search_text")) }
        }
    }

    public func articleRevisions(id: Int64) async throws -> [KBRevision] {
        try await database.read { db in
            try await db.raw("SELECT * FROM kb_revisions WHERE article_id = \(bind: id) ORDER BY number DESC").all()
                .map(Self.revision(from:))
        }
    }

    public func articleRevision(id: Int64, number: Int) async throws -> KBRevision? {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM kb_revisions WHERE article_id = \(bind: id) AND number = \(bind: Int64(number))"
            ).first().map(Self.revision(from:))
        }
    }

    public func recordArticleFeedback(id: Int64, userId: Int64, helpful: Bool, reason: String?, now: Date)
        async throws -> KBVotes
    {
        let dialect = database.dialect
        return try await write { db in
            // The article's row first: concurrent votes count one after the other.
            guard
                try await db.raw(
                    "SELECT id FROM kb_articles WHERE id = \(bind: id) \(unsafeRaw: dialect.forUpdate)"
                ).first() != nil
            else { throw StoreError.notFound("kb_article") }
            try await db.raw(
                """
                INSERT INTO kb_feedback (article_id, user_id, helpful, reason, at)
                VALUES (\(bind: id), \(bind: userId), \(bind: helpful.sqlValue), \(bind: reason), \(bind: now.millis))
                ON CONFLICT (article_id, user_id) DO UPDATE SET helpful = excluded.helpful, reason = excluded.reason,
                    at = excluded.at
                """
            ).run()
            let row = try await db.raw(
                """
                UPDATE kb_articles SET
                    helpful = (SELECT COUNT(*) FROM kb_feedback WHERE article_id = \(bind: id) AND helpful = 1),
                    not_helpful = (SELECT COUNT(*) FROM kb_feedback WHERE article_id = \(bind: id) AND helpful = 0)
                WHERE id = \(bind: id) RETURNING helpful, not_helpful
                """
            ).first()
            guard let row else { throw StoreError.notFound("kb_article") }
            return KBVotes(helpful: Int(try row.int("helpful")), notHelpful: Int(try row.int("not_helpful")))
        }
    }

    public func recordArticleView(id: Int64, userId: Int64, source: String, now: Date) async throws {
        try await write { db in
            // Once a day per reader and article: a reload is not a second opening.
            try await db.raw(
                """
                INSERT INTO kb_views (article_id, user_id, source, at)
                SELECT \(bind: id), \(bind: userId), \(bind: source), \(bind: now.millis)
                WHERE NOT EXISTS (SELECT 1 FROM kb_views WHERE article_id = \(bind: id) AND user_id = \(bind: userId)
                    AND source = \(bind: source) AND at > \(bind: now.millis - 86_400_000))
                """
            ).run()
        }
    }

    public func recordKnowledgeGap(query: String, now: Date) async throws {
        try await write { db in
            try await db.raw(
                """
                INSERT INTO kb_gaps (query, searches, first_at, last_at) VALUES (\(bind: query), 1, \(bind: now.millis),
                    \(bind: now.millis))
                ON CONFLICT (query) DO UPDATE SET searches = kb_gaps.searches + 1, last_at = excluded.last_at
                """
            ).run()
        }
    }

    public func clearKnowledgeGap(query: String) async throws {
        try await write { db in try await db.raw("DELETE FROM kb_gaps WHERE query = \(bind: query)").run() }
    }

    public func knowledgeGaps(since: Date, limit: Int) async throws -> [KBGap] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM kb_gaps WHERE last_at >= \(bind: since.millis)
                ORDER BY searches DESC, last_at DESC LIMIT \(literal: max(1, min(limit, 100)))
                """
            ).all().map { row in
                KBGap(
                    query: try row.string("query"), searches: Int(try row.int("searches")),
                    firstAt: Date(millis: try row.int("first_at")), lastAt: Date(millis: try row.int("last_at")))
            }
        }
    }

    public func deflections(since: Date, now: Date) async throws -> (deflected: Int, opened: Int) {
        let day: Int64 = 86_400_000
        return try await database.read { db in
            let row = try await db.raw(
                """
                SELECT COUNT(*) AS opened, COALESCE(SUM(CASE WHEN NOT EXISTS (
                    SELECT 1 FROM tickets t WHERE t.requester_user_id = v.user_id AND t.submitted_at >= v.at
                        AND t.submitted_at < v.at + \(literal: day)) THEN 1 ELSE 0 END), 0) AS deflected
                FROM kb_views v
                WHERE v.source = 'intake' AND v.at >= \(bind: since.millis) AND v.at <= \(bind: now.millis - day)
                """
            ).first()
            return (Int(try row?.int("deflected") ?? 0), Int(try row?.int("opened") ?? 0))
        }
    }

    // MARK: - Rows

    static func article(id: Int64, on db: any SQLDatabase) async throws -> KBArticle? {
        guard
            var article = try await db.raw("SELECT * FROM kb_articles WHERE id = \(bind: id)").first()
                .map(Self.article(from:))
        else { return nil }
        article.ticketNumbers = try await links([id], on: db)[id] ?? []
        return article
    }

    static func article(from row: any SQLRow) throws -> KBArticle {
        var article = KBArticle(
            id: try row.int("id"), content: try decode(KBContent.self, json: try row.string("doc")),
            status: KBStatus(rawValue: try row.string("status")) ?? .draft, authorId: try row.int("author_id"),
            reviewerId: try row.optionalInt("reviewer_id"), revision: Int(try row.int("revision")),
            editorId: try row.int("editor_id"), createdAt: Date(millis: try row.int("created_at")),
            updatedAt: Date(millis: try row.int("updated_at")),
            publishedAt: try row.optionalInt("published_at").map(Date.init(millis:)))
        article.votes = KBVotes(helpful: Int(try row.int("helpful")), notHelpful: Int(try row.int("not_helpful")))
        return article
    }

    static func revision(from row: any SQLRow) throws -> KBRevision {
        KBRevision(
            articleId: try row.int("article_id"), number: Int(try row.int("number")),
            content: try decode(KBContent.self, json: try row.string("doc")), editorId: try row.int("editor_id"),
            at: Date(millis: try row.int("at")), note: KBRevisionNote(code: try row.string("note")) ?? .edited)
    }

    static func insertRevision(_ revision: KBRevision, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO kb_revisions (article_id, number, doc, editor_id, at, note)
            VALUES (\(bind: revision.articleId), \(bind: Int64(revision.number)), \(bind: try json(revision.content)),
                \(bind: revision.editorId), \(bind: revision.at.millis), \(bind: revision.note.code))
            """
        ).run()
    }

    static func link(_ id: Int64, _ numbers: [String], on db: any SQLDatabase) async throws {
        for number in Set(numbers) {
            try await db.raw(
                """
                INSERT INTO kb_article_tickets (article_id, ticket_number) VALUES (\(bind: id), \(bind: number))
                ON CONFLICT (article_id, ticket_number) DO NOTHING
                """
            ).run()
        }
    }

    static func links(_ ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: [String]] {
        guard !ids.isEmpty else { return [:] }
        var links: [Int64: [String]] = [:]
        for row in try await db.raw(
            "SELECT * FROM kb_article_tickets WHERE article_id IN (\(binds: ids)) ORDER BY ticket_number"
        ).all() {
            links[try row.int("article_id"), default: []].append(try row.string("ticket_number"))
        }
        return links
    }

    /// `,vpn,邮箱,`: each tag between commas, which tags never hold.
    static func tagsColumn(_ content: KBContent) -> String {
        content.tags.isEmpty ? "" : "," + content.tags.joined(separator: ",") + ","
    }

    /// The article's parts normalized and joined by a newline, which no query term contains.
    static func searchText(_ content: KBContent) -> String {
        content.searchParts.map(SearchAnalyzer.normalize).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The index match and the substring checks of `query` over the article's text.
    static func articleMatch(_ query: SearchQuery, dialect: Dialect) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if query.terms.contains(where: { !$0.clauses.isEmpty }) { sql += " AND \(dialect.articleIndexMatch(query))" }
        for term in query.terms where term.needsSubstringCheck || term.clauses.isEmpty {
            sql += " AND \(unsafeRaw: dialect.substringPosition)(a.search_text, \(bind: term.text)) > 0"
        }
        return sql
    }

    static func indexArticle(
        _ id: Int64, _ content: KBContent, replacing: Bool, dialect: Dialect, on db: any SQLDatabase
    ) async throws {
        let title = SearchAnalyzer.tokens(of: content.title)
        let body = content.searchParts.dropFirst().flatMap { SearchAnalyzer.tokens(of: $0) }
        switch dialect {
        case .sqlite:
            if replacing { try await db.raw("DELETE FROM kb_search_fts WHERE rowid = \(bind: id)").run() }
            try await db.raw(
                """
                INSERT INTO kb_search_fts (rowid, title_tokens, body_tokens)
                VALUES (\(bind: id), \(bind: title.joined(separator: " ")), \(bind: body.joined(separator: " ")))
                """
            ).run()
        case .postgres:
            try await db.raw(
                """
                UPDATE kb_articles SET tokens = setweight(\(bind: Dialect.vector(title))::tsvector, 'A')
                    || \(bind: Dialect.vector(body))::tsvector
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }
}

extension Dialect {
    /// The article table as `a`, joined to its index when searching.
    func articleTables(searching query: SearchQuery?) -> String {
        guard let query, query.terms.contains(where: { !$0.clauses.isEmpty }) else { return "kb_articles a" }
        switch self {
        case .sqlite: return "kb_search_fts JOIN kb_articles a ON a.id = kb_search_fts.rowid"
        case .postgres: return "kb_articles a"
        }
    }

    func articleIndexMatch(_ query: SearchQuery) -> SQLQueryString {
        let clauses = query.terms.flatMap(\.clauses)
        switch self {
        case .sqlite: return "kb_search_fts MATCH \(bind: Self.ftsExpression(clauses, joinedBy: "AND"))"
        case .postgres: return "a.tokens @@ \(bind: Self.tsquery(clauses, joinedBy: "&"))::tsquery"
        }
    }

    /// Best first when sorted ascending.
    func articleRank(_ query: SearchQuery) -> SQLQueryString {
        switch self {
        case .sqlite: return "bm25(kb_search_fts, 4.0, 1.0)"
        case .postgres:
            return "-ts_rank(a.tokens, \(bind: Self.tsquery(query.terms.flatMap(\.clauses), joinedBy: "&"))::tsquery)"
        }
    }
}
