import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    /// Tickets per transaction when indexing tickets from before the index.
    public static let indexBatch = 200

    /// Relevance ranks this many of the newest matches: ranking every match of a word in a
    /// third of a million tickets costs a second, and on a desk the newest matches are the
    /// ones that matter (an old ticket still comes first with `order=newest` paged on).
    public static let rankedWindow = 1_000

    public func search(_ request: SearchRequest) async throws -> SearchPage {
        let dialect = database.dialect
        let limit = max(1, min(request.limit, 100))
        return try await database.read { db in
            switch dialect {
            case .sqlite:
                return try await Self.searchPage(request, limit: limit, window: nil, dialect: dialect, on: db).page
            case .postgres:
                // Newest ids first, wider until the range holds enough matches (M027).
                let top: Int64
                if request.order == .newest, let before = request.cursor {
                    top = before - 1
                } else {
                    let row = try await db.raw("SELECT MAX(ticket_id) AS top FROM ticket_search").first()
                    guard let highest = try row?.optionalInt("top") else {
                        return SearchPage(tickets: [], nextCursor: nil)
                    }
                    top = highest
                }
                var answer = SearchPage(tickets: [], nextCursor: nil)
                for window in SearchWindow.widening(upTo: top) {
                    let (page, enough) = try await Self.searchPage(
                        request, limit: limit, window: window, dialect: dialect, on: db)
                    answer = page
                    if enough { break }
                }
                return answer
            }
        }
    }

    /// One page of matches within `window`, and whether the window held enough of them for the
    /// page to be the whole index's: a page and one more newest first, the ranked window by relevance.
    static func searchPage(
        _ request: SearchRequest, limit: Int, window: SearchWindow?, dialect: Dialect, on db: any SQLDatabase
    ) async throws -> (page: SearchPage, enough: Bool) {
        let includeInternal = includesInternal(request.scope)
        let columns = """
            t.id, t.number, t.title, t.type, t.status, t.priority, t.tier, t.category_id, t.subcategory_id,
                t.group_id, t.assignee_id, t.requester_user_id, t.requester_name, t.requester_external,
                t.submitted_at, t.updated_at, t.sla_policy_id, t.breach_cause, t.sla
            """
        var matches: SQLQueryString = """
             FROM \(unsafeRaw: dialect.searchTables)
            WHERE \(searchCondition(request.query, includeInternal: includeInternal, dialect: dialect, window: window))
            """
        matches += scopeCondition(request.scope, table: "t")
        let sql: SQLQueryString
        switch (request.order, dialect) {
        case (.newest, _):
            if let before = request.cursor { matches += " AND \(unsafeRaw: dialect.searchId) < \(bind: before)" }
            sql = """
                SELECT \(unsafeRaw: columns)\(matches)
                ORDER BY \(unsafeRaw: dialect.searchOrder) DESC LIMIT \(literal: limit + 1)
                """
        case (.relevance, .sqlite):
            // The index walks the newest matches first and stops at the window; only those are sorted.
            sql = """
                SELECT * FROM (
                    SELECT \(unsafeRaw: columns), \(dialect.searchRank(request.query, includeInternal: includeInternal))
                        AS hit_rank\(matches)
                    ORDER BY \(unsafeRaw: dialect.searchOrder) DESC LIMIT \(literal: rankedWindow)) AS hits
                ORDER BY hit_rank, id DESC
                LIMIT \(literal: limit + 1) OFFSET \(literal: max(0, Int(request.cursor ?? 0)))
                """
        case (.relevance, .postgres):
            // The newest matches first, materialized so that only they are ranked; their count
            // tells whether the window held enough.
            sql = """
                WITH hits AS MATERIALIZED (
                    SELECT s.ticket_id\(matches)
                    ORDER BY \(unsafeRaw: dialect.searchOrder) DESC LIMIT \(literal: rankedWindow))
                SELECT \(unsafeRaw: columns), \(dialect.searchRank(request.query, includeInternal: includeInternal))
                    AS hit_rank, (SELECT COUNT(*) FROM hits) AS hit_count
                FROM hits h JOIN ticket_search s ON s.ticket_id = h.ticket_id JOIN tickets t ON t.id = h.ticket_id
                ORDER BY hit_rank, t.id DESC
                LIMIT \(literal: limit + 1) OFFSET \(literal: max(0, Int(request.cursor ?? 0)))
                """
        }
        let rows = try await db.raw(sql).all()
        let tickets = try rows.prefix(limit).map(Self.summary(from:))
        let more = rows.count > limit
        switch request.order {
        case .newest:
            return (SearchPage(tickets: tickets, nextCursor: more ? tickets.last?.id : nil), more || window == nil)
        case .relevance:
            let page = SearchPage(tickets: tickets, nextCursor: more ? (request.cursor ?? 0) + Int64(limit) : nil)
            guard window != nil else { return (page, true) }
            let hits = try rows.first.map { try $0.int("hit_count") } ?? 0
            return (page, hits >= Int64(rankedWindow))
        }
    }

    /// The ids of the tickets matching `query` that `scope` may match on, as a subquery (the
    /// ticket list's `q=`).
    static func searchIds(_ query: SearchQuery, scope: Access.ListScope, dialect: Dialect) -> SQLQueryString {
        return """
            SELECT \(unsafeRaw: dialect.searchId) FROM \(unsafeRaw: dialect.searchIndexTables)
            WHERE \(searchCondition(query, includeInternal: includesInternal(scope), dialect: dialect))
            """
    }

    /// The index match, and for each term that needs it the substring check over the text the
    /// searcher may see; a term never spans two parts, as parts are joined by a newline.
    static func searchCondition(
        _ query: SearchQuery, includeInternal: Bool, dialect: Dialect, window: SearchWindow? = nil
    ) -> SQLQueryString {
        var sql = dialect.searchMatch(query, includeInternal: includeInternal, window: window)
        let position = dialect.substringPosition
        for term in query.terms where term.needsSubstringCheck {
            if includeInternal {
                sql += """
                     AND (\(unsafeRaw: position)(s.public_text, \(bind: term.text)) > 0
                        OR \(unsafeRaw: position)(s.internal_text, \(bind: term.text)) > 0)
                    """
            } else {
                sql += " AND \(unsafeRaw: position)(s.public_text, \(bind: term.text)) > 0"
            }
        }
        return sql
    }

    static func includesInternal(_ scope: Access.ListScope) -> Bool {
        if case .requester = scope { return false }
        return true
    }

    public func searchTexts(ticketIds: [Int64], includeInternal: Bool) async throws -> [Int64: [String]] {
        guard !ticketIds.isEmpty else { return [:] }
        return try await database.read { db in
            let tickets = try await db.raw("SELECT id, doc FROM tickets WHERE id IN (\(binds: ticketIds))").all()
                .map(Self.ticket(from:))
            var eventsSQL: SQLQueryString = """
                SELECT * FROM ticket_events WHERE ticket_id IN (\(binds: ticketIds))
                    AND (body IS NOT NULL OR reason IS NOT NULL)
                """
            if !includeInternal { eventsSQL += " AND visibility = 'public'" }
            eventsSQL += " ORDER BY id"
            var events: [Int64: [TicketEvent]] = [:]
            for row in try await db.raw(eventsSQL).all() {
                events[try row.int("ticket_id"), default: []].append(try Self.event(from: row))
            }
            let files = try await Self.attachmentTexts(ticketIds: ticketIds, on: db)
            var texts: [Int64: [String]] = [:]
            for ticket in tickets {
                let parts = SearchDocument.texts(
                    of: ticket, events: events[ticket.id] ?? [], attachmentTexts: files[ticket.id] ?? [])
                texts[ticket.id] = parts.publicParts + (includeInternal ? parts.internalParts : [])
            }
            return texts
        }
    }

    /// Characters of a candidate's indexed text compared with what is typed at intake.
    public static let similarTextHead = 1_500

    public func recentOpenTickets(scope: Access.ListScope, since: Date, limit: Int) async throws
        -> [(ticket: TicketSummary, text: String)]
    {
        try await database.read { db in
            var sql: SQLQueryString = """
                SELECT t.id, t.number, t.title, t.type, t.status, t.priority, t.tier, t.category_id, t.subcategory_id,
                    t.group_id, t.assignee_id, t.requester_user_id, t.requester_name, t.requester_external,
                    t.submitted_at, t.updated_at, t.sla_policy_id, t.breach_cause, t.sla,
                    substr(s.public_text, 1, \(literal: Self.similarTextHead)) AS head
                FROM tickets t JOIN ticket_search s ON s.ticket_id = t.id
                WHERE t.is_open = 1 AND t.submitted_at >= \(bind: since.millis)
                """
            sql += Self.scopeCondition(scope, table: "t")
            sql += " ORDER BY t.id DESC LIMIT \(literal: max(1, limit))"
            return try await db.raw(sql).all().map { (try Self.summary(from: $0), try $0.string("head")) }
        }
    }

    public func searchIndexIsComplete() async throws -> Bool {
        try await database.read { db in
            let row = try await db.raw(
                "SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM ticket_search) AS indexed"
            ).first()
            return try row.map { try $0.int("tickets") == $0.int("indexed") } ?? true
        }
    }

    public func indexUnindexedTickets(after: Int64, limit: Int) async throws -> Int64? {
        let dialect = database.dialect
        return try await write { db in
            let rows = try await db.raw(
                """
                SELECT t.id, t.doc FROM tickets t
                WHERE t.id > \(bind: after) AND NOT EXISTS (SELECT 1 FROM ticket_search s WHERE s.ticket_id = t.id)
                ORDER BY t.id LIMIT \(literal: max(1, limit))
                """
            ).all()
            var last: Int64?
            for row in rows {
                let ticket = try Self.ticket(from: row)
                try await Self.reindex(ticket, replacing: true, dialect: dialect, on: db)
                last = ticket.id
            }
            return last
        }
    }

    /// Rewrites a ticket's index row from the ticket, its stored events and its attachments' words.
    static func reindex(_ ticket: Ticket, replacing: Bool, dialect: Dialect, on db: any SQLDatabase) async throws {
        let events = try await loadEvents(ticketId: ticket.id, includeInternal: true, on: db)
        let files = try await attachmentTexts(ticketIds: [ticket.id], on: db)[ticket.id] ?? []
        try await dialect.writeSearchDocument(
            SearchDocument(ticket: ticket, events: events, attachmentTexts: files), ticketId: ticket.id,
            replacing: replacing, on: db)
    }

    /// After a change from `before` that stored `change` (its events, files and archive scrub):
    /// the index row again when its text changed, in the change's transaction.
    static func reindexIfChanged(
        from before: Ticket, to change: TicketChange, dialect: Dialect, on db: any SQLDatabase
    ) async throws {
        let files = change.attachments.contains { $0.text != nil } || change.scrub?.dropAttachments == true
        guard files || SearchDocument.changes(from: before, to: change.ticket, adding: change.events) else { return }
        try await reindex(change.ticket, replacing: true, dialect: dialect, on: db)
    }
}
