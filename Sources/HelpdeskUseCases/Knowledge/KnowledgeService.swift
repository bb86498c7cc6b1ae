import Foundation
import HelpdeskCore
import HelpdeskStore

/// The knowledge base (R6.2) for every front end: articles written, reviewed, published and
/// retired, each save a revision; drafts from solved tickets; suggestions for a requester's
/// text; readers' votes; searches that found nothing, kept as gaps.
public struct KnowledgeService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
    }

    public static let limits = 1...100
    /// At most this many suggestions; which articles are like the text is ``TextOverlap``'s rule.
    public static let suggestionLimit = 5

    /// An article as an editor writes it. On an update, absent fields keep their value;
    /// `revision` is the one the editor read (a save over a newer one is refused).
    public struct Command: Decodable, Sendable, Equatable {
        public var title: String?
        public var symptom: String?
        public var cause: String?
        public var solution: String?
        public var categoryId: Int64?
        public var tags: [String]?
        public var visibility: KBVisibility?
        public var ticketNumbers: [String]?
        public var revision: Int?

        public init(
            title: String? = nil, symptom: String? = nil, cause: String? = nil, solution: String? = nil,
            categoryId: Int64? = nil, tags: [String]? = nil, visibility: KBVisibility? = nil,
            ticketNumbers: [String]? = nil, revision: Int? = nil
        ) {
            self.title = title
            self.symptom = symptom
            self.cause = cause
            self.solution = solution
            self.categoryId = categoryId
            self.tags = tags
            self.visibility = visibility
            self.ticketNumbers = ticketNumbers
            self.revision = revision
        }
    }

    /// A list or search of articles.
    public struct ListInput: Sendable, Equatable {
        public var query: String?
        public var status: KBStatus?
        public var visibility: KBVisibility?
        public var categoryId: Int64?
        public var tag: String?
        public var ticketNumber: String?
        public var order: KBQuery.Order?
        public var limit = 20
        public var offset = 0
        /// A search that finds nothing is kept as a knowledge gap: set by the knowledge base's
        /// own search (not by a ticket search that also looks at articles); only without filters.
        public var recordsGap = false

        public init() {}
    }

    /// An article found, with the snippet of its text around the match.
    public struct Hit: Sendable {
        public var article: KBArticle
        public var snippet: SearchSnippet
    }

    public struct Hits: Sendable {
        public var items: [Hit]
        public var nextOffset: Int?
    }

    // MARK: - Reading

    /// Requesters list published public articles; staff every article, by status when asked.
    /// A query searches as ticket search does (every term, exactly); a query that finds nothing
    /// on its first page is kept as a knowledge gap.
    public func list(_ input: ListInput, for user: User) async throws -> Hits {
        guard Self.limits.contains(input.limit) else { throw UseCaseError.invalidValue(field: "limit") }
        guard input.offset >= 0 else { throw UseCaseError.invalidValue(field: "cursor") }
        let none = Hits(items: [], nextOffset: nil)
        var query = KBQuery()
        if user.role.isStaff {
            query.statuses = input.status.map { [$0] } ?? KBStatus.allCases
            query.visibility = input.visibility
        } else {
            guard input.status == nil || input.status == .published else { return none }
            query.statuses = [.published]
            query.visibility = .public
        }
        query.categoryId = input.categoryId
        if let tag = input.tag {
            // A tag that cannot be one matches nothing.
            guard let clean = Knowledge.tags([tag]), clean.count == 1 else { return none }
            query.tag = clean[0]
        }
        // Which articles a ticket is linked to is for staff.
        if let number = input.ticketNumber {
            guard user.role.isStaff else { return none }
            query.ticketNumber = number
        }
        query.limit = input.limit
        query.offset = input.offset
        var parsed: SearchQuery?
        if let raw = input.query, !raw.isEmpty {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count <= SearchQuery.maximumLength else { throw UseCaseError.invalidValue(field: "q") }
            // Whitespace or punctuation only: nothing can match.
            guard let search = SearchQuery(text) else { return none }
            parsed = search
            query.search = search
        }
        query.order = input.order ?? (parsed == nil ? .newest : .relevance)
        let page = try await store.articles(query)
        // For requesters status and visibility are implied, not filters.
        let filtered =
            (user.role.isStaff && (input.status != nil || input.visibility != nil)) || input.categoryId != nil
            || input.tag != nil || input.ticketNumber != nil
        if let parsed, input.recordsGap, !filtered, input.offset == 0 {
            // Personal data typed into a search is not kept (R9.2).
            let gap = Masking.text(parsed.terms.map(\.text).joined(separator: " "))
            if page.articles.isEmpty {
                try await store.recordKnowledgeGap(query: gap, now: clock.now())
            } else {
                try await store.clearKnowledgeGap(query: gap)
            }
        }
        return Hits(
            items: page.articles.map {
                Hit(article: presented($0, to: user), snippet: Self.snippet($0, query: parsed))
            },
            nextOffset: page.nextOffset)
    }

    /// The best published articles for a search of everything (the API's `scope=all` and the
    /// web search page), before its tickets. A requester's search that finds none is a gap.
    public func bestPublished(_ text: String, for user: User, limit: Int = 5) async throws -> [Hit] {
        var input = ListInput()
        input.query = text
        input.limit = limit
        input.status = .published
        input.recordsGap = !user.role.isStaff
        return try await list(input, for: user).items
    }

    /// What readers other than staff see of an article: not which tickets it came from.
    func presented(_ article: KBArticle, to user: User) -> KBArticle {
        guard !user.role.isStaff else { return article }
        var shown = article
        shown.ticketNumbers = []
        return shown
    }

    /// The status actions `user` may take on `article` now.
    public func actions(on article: KBArticle, for user: User) async throws -> [KBAction] {
        guard user.role.isStaff else { return [] }
        let separate = try await store.deskSettings().kbSeparateReviewer
        let writers = Set(try await store.articleRevisions(id: article.id).map(\.editorId))
        return KBAction.allCases.filter { action in
            (try? Knowledge.transition(
                article, action, by: user.id, role: user.role, separateReviewer: separate, writers: writers)) != nil
        }
    }

    /// Whether a change by `user` would send the published `article` back to review.
    public func editReturnsToReview(_ article: KBArticle, by user: User) async throws -> Bool {
        let separate = try await store.deskSettings().kbSeparateReviewer
        return Knowledge.statusAfterEdit(article, by: user.role, separateReviewer: separate) != article.status
    }

    /// The articles waiting for a reviewer, oldest first.
    public func reviewQueue(for user: User) async throws -> [KBArticle] {
        guard Knowledge.reviews(user.role) else { throw UseCaseError.forbidden(action: "kb_review") }
        var query = KBQuery()
        query.statuses = [.review]
        query.order = .oldest
        query.limit = 100
        return try await store.articles(query).articles
    }

    /// One article; one a requester may not read is not found. `source` `intake` records that
    /// it was opened from the portal's form (deflection, R6.2).
    public func article(_ id: Int64, for user: User, openedFrom source: String? = nil) async throws -> KBArticle {
        guard let article = try await store.article(id: id), Knowledge.mayRead(article, role: user.role) else {
            throw UseCaseError.notFound(resource: "kb_article")
        }
        // Deflection counts requesters; staff trying the form do not.
        if source == "intake", user.role == .requester {
            try await store.recordArticleView(id: id, userId: user.id, source: "intake", now: clock.now())
        }
        return presented(article, to: user)
    }

    public func revisions(_ id: Int64, for user: User) async throws -> [KBRevision] {
        try Authorize.staff(user, "kb_revisions")
        _ = try await article(id, for: user)
        return try await store.articleRevisions(id: id)
    }

    public func revision(_ id: Int64, number: Int, for user: User) async throws -> KBRevision {
        try Authorize.staff(user, "kb_revisions")
        guard let revision = try await store.articleRevision(id: id, number: number) else {
            throw UseCaseError.notFound(resource: "kb_revision")
        }
        return revision
    }

    /// Two revisions compared field by field, line by line.
    public func compare(_ id: Int64, from: Int, to: Int, for user: User) async throws -> KBComparison {
        let old = try await revision(id, number: from, for: user)
        let new = try await revision(id, number: to, for: user)
        return KBComparison(from: old, to: new)
    }

    // MARK: - Writing

    /// A new draft by a staff member.
    public func create(_ command: Command, by user: User) async throws -> KBArticle {
        try Authorize.staff(user, "kb_write")
        let content = try await validated(command, over: nil)
        let numbers = try await linkable(command.ticketNumbers ?? [], for: user)
        let now = clock.now()
        let article = KBArticle(content: content, authorId: user.id, ticketNumbers: numbers, createdAt: now)
        return try await store.createArticle(article, note: .created)
    }

    /// Saves an edit as the next revision. A change to a published article by someone who does
    /// not review sends it back to review (``Knowledge/statusAfterEdit(_:by:)``).
    public func update(_ id: Int64, _ command: Command, by user: User) async throws -> KBArticle {
        let article = try await editable(id, by: user)
        guard let expected = command.revision else { throw UseCaseError.fieldRequired(field: "revision") }
        let content = try await validated(command, over: article.content)
        let numbers = try await linkable(command.ticketNumbers ?? [], for: user)
        // Linking tickets or saving the same text is no new revision, and keeps a published
        // article published.
        if content != article.content {
            _ = try await revise(article, content: content, expected: expected, note: .edited, by: user)
        } else if expected != article.revision {
            throw UseCaseError.articleChanged(current: article.revision)
        }
        if !numbers.isEmpty { try await store.linkArticle(id: id, ticketNumbers: numbers) }
        guard let saved = try await store.article(id: id) else { throw UseCaseError.notFound(resource: "kb_article") }
        return saved
    }

    /// The content of revision `number` saved again as the newest revision.
    public func restore(_ id: Int64, number: Int, revision expected: Int?, by user: User) async throws -> KBArticle {
        let article = try await editable(id, by: user)
        let old = try await revision(id, number: number, for: user)
        let entry = AuditEntry(
            at: clock.now(), actor: user, action: .kbArticleRestored, target: "kb_article:\(id)",
            detail: ["revision": String(number)])
        return try await AuditTrail.recording(entry) {
            try await revise(
                article, content: old.content, expected: expected ?? article.revision, note: .restored(number),
                by: user)
        }
    }

    /// Submit, publish, return, retire or reopen; at `revision` when given (a reviewer publishes
    /// the text they read). Audited.
    public func act(_ id: Int64, _ action: KBAction, revision: Int? = nil, by user: User) async throws -> KBArticle {
        guard let article = try await store.article(id: id), Knowledge.mayRead(article, role: user.role) else {
            throw UseCaseError.notFound(resource: "kb_article")
        }
        let separate = try await store.deskSettings().kbSeparateReviewer
        // Who wrote it: a publisher must not be one (when the desk asks), and they hear of it.
        let writers =
            [.publish, .return].contains(action) ? Set(try await store.articleRevisions(id: id).map(\.editorId)) : []
        let target: KBStatus
        do {
            target = try Knowledge.transition(
                article, action, by: user.id, role: user.role, separateReviewer: separate, writers: writers)
        } catch {
            throw UseCaseError.articleRefused(error)
        }
        if let revision, revision != article.revision { throw UseCaseError.articleChanged(current: article.revision) }
        let entry = AuditEntry(
            at: clock.now(), actor: user, action: .kbArticleStatusChanged, target: "kb_article:\(id)",
            detail: ["action": action.rawValue, "revision": String(article.revision), "to": target.rawValue])
        let moved = try await AuditTrail.recording(entry) {
            try await store.setArticleStatus(
                id: id, from: article.status, to: target, revision: article.revision, reviewerId: user.id,
                notices: Knowledge.notices(
                    article, action, by: (user.id, user.displayName), writers: writers, at: entry.at),
                now: entry.at)
        }
        guard let moved else {
            throw UseCaseError.articleChanged(current: (try await store.article(id: id))?.revision ?? 0)
        }
        return moved
    }

    /// A draft from a solved ticket, linked to it (R6.2): its texts with personal data masked.
    public func draft(fromTicket number: String, by user: User) async throws -> KBArticle {
        try Authorize.staff(user, "kb_write")
        let view = try await tickets.view(number, for: user)
        guard Knowledge.mayDraft(from: view.ticket) else { throw UseCaseError.ticketNotSolved }
        let article = KBArticle(
            content: Knowledge.draft(from: view.ticket), authorId: user.id, ticketNumbers: [view.ticket.number],
            createdAt: clock.now())
        return try await store.createArticle(article, note: .fromTicket(view.ticket.number))
    }

    // MARK: - Readers

    /// The longest text a client may ask suggestions for; a ticket's own text is cut to it.
    public static let suggestionTextMax = 4_000

    /// Published articles for a requester's text, best first (R6.2): those holding at least
    /// ``TextOverlap/share`` of its tokens; requesters get public ones only. A text longer than
    /// ``suggestionTextMax`` is refused, or with `cut` (a ticket's text) shortened.
    public func suggest(
        _ text: String, for user: User, limit: Int = KnowledgeService.suggestionLimit, cut: Bool = false
    ) async throws -> [Hit] {
        guard cut || text.count <= Self.suggestionTextMax else { throw UseCaseError.invalidValue(field: "q") }
        let text = String(text.prefix(Self.suggestionTextMax))
        guard (1...20).contains(limit) else { throw UseCaseError.invalidValue(field: "limit") }
        return try await suggestions(for: text, publicOnly: !user.role.isStaff, limit: limit)
    }

    /// At most this many articles in a new ticket's acknowledgement.
    public static let acknowledgementLimit = 3

    /// The best published public articles for a new ticket's text, for its acknowledgement
    /// (R6.2): the web page, the API's answer, the mail or IM reply. Public ones whoever
    /// recorded the ticket, since its requester reads them; no linked tickets.
    public func forAcknowledgement(title: String, description: String) async throws -> [Hit] {
        try await suggestions(
            for: String((title + "\n" + description).prefix(Self.suggestionTextMax)), publicOnly: true,
            limit: Self.acknowledgementLimit)
    }

    func suggestions(for text: String, publicOnly: Bool, limit: Int) async throws -> [Hit] {
        // Before the text is analyzed: most desks' first tickets come before their first article.
        guard try await store.hasPublishedArticles(publicOnly: publicOnly) else { return [] }
        let overlap = TextOverlap(text)
        guard !overlap.tokens.isEmpty else { return [] }
        let candidates = try await store.articleCandidates(tokens: overlap.tokens, publicOnly: publicOnly, limit: 20)
        var scored: [(hit: Hit, share: Int)] = []
        for (rank, (article, text)) in candidates.enumerated() {
            let shared = overlap.shared(with: TextOverlap.held(normalized: text))
            guard overlap.isEnough(shared.count) else { continue }
            var shown = article
            if publicOnly { shown.ticketNumbers = [] }
            scored.append(
                (
                    Hit(article: shown, snippet: Self.snippet(article, query: TextOverlap.query(shared))),
                    shared.count * 100 - rank
                ))
        }
        return scored.sorted { $0.share > $1.share }.prefix(limit).map(\.hit)
    }

    /// 有帮助 / 没帮助, with an optional reason; one vote per reader, the last one counts.
    public func feedback(_ id: Int64, helpful: Bool, reason: String?, by user: User) async throws -> KBVotes {
        _ = try await article(id, for: user)
        let reason = try TextInput.optional(reason, max: 500, field: "reason")
        return try await store.recordArticleFeedback(
            id: id, userId: user.id, helpful: helpful, reason: reason, now: clock.now())
    }

    /// What the knowledge base did and lacks over the last `days`: searches that found
    /// nothing, and intake-form openings that were not followed by a ticket within 24 h.
    public func insights(days: Int = 30, for user: User) async throws -> KBInsights {
        try Authorize.staff(user, "kb_insights")
        guard (1...366).contains(days) else { throw UseCaseError.invalidValue(field: "days") }
        let now = clock.now()
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        let deflection = try await store.deflections(since: since, now: now)
        return KBInsights(
            days: days, gaps: try await store.knowledgeGaps(since: since, limit: 20),
            intakeOpenings: deflection.opened, deflected: deflection.deflected)
    }

    // MARK: - Rules

    func editable(_ id: Int64, by user: User) async throws -> KBArticle {
        try Authorize.staff(user, "kb_write")
        guard let article = try await store.article(id: id) else { throw UseCaseError.notFound(resource: "kb_article") }
        do {
            try Knowledge.checkEditable(article, role: user.role)
        } catch {
            throw UseCaseError.articleRefused(error)
        }
        return article
    }

    func revise(_ article: KBArticle, content: KBContent, expected: Int, note: KBRevisionNote, by user: User)
        async throws -> KBArticle
    {
        let separate = try await store.deskSettings().kbSeparateReviewer
        do {
            return try await store.reviseArticle(
                id: article.id, content: content, from: article.status,
                to: Knowledge.statusAfterEdit(article, by: user.role, separateReviewer: separate),
                editorId: user.id, expectedRevision: expected, note: note, now: clock.now())
        } catch let conflict as KBRevisionConflict {
            throw UseCaseError.articleChanged(current: conflict.current)
        }
    }

    /// The command's content over `current` (nil for a new article, which needs a title).
    func validated(_ command: Command, over current: KBContent?) async throws -> KBContent {
        var content = current ?? KBContent(title: "")
        if let title = command.title {
            guard let clean = TextInput.clean(title, max: Knowledge.titleMaxLength) else {
                throw UseCaseError.invalidValue(field: "title")
            }
            content.title = clean
        } else if current == nil {
            throw UseCaseError.fieldRequired(field: "title")
        }
        for (field, value, path) in [
            ("symptom", command.symptom, \KBContent.symptom), ("cause", command.cause, \KBContent.cause),
            ("solution", command.solution, \KBContent.solution),
        ] {
            guard let value else { continue }
            guard value.unicodeScalars.count <= Knowledge.textMaxLength else {
                throw UseCaseError.invalidValue(field: field)
            }
            content[keyPath: path] = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let tags = command.tags {
            guard tags.count <= Knowledge.tagsMax, let clean = Knowledge.tags(tags) else {
                throw UseCaseError.invalidValue(field: "tags")
            }
            content.tags = clean
        }
        if let visibility = command.visibility { content.visibility = visibility }
        if command.categoryId == 0 {
            // 0: no category (a form's "unknown").
            content.categoryId = nil
        } else if let categoryId = command.categoryId {
            guard try await store.categories().contains(where: { $0.id == categoryId }) else {
                throw UseCaseError.invalidReference(field: "categoryId")
            }
            content.categoryId = categoryId
        }
        return content
    }

    /// The ticket numbers as stored, each one a ticket this user may read.
    func linkable(_ numbers: [String], for user: User) async throws -> [String] {
        guard numbers.count <= 50 else { throw UseCaseError.invalidValue(field: "ticketNumbers") }
        var linked: [String] = []
        for number in numbers {
            do {
                linked.append(try await tickets.view(number, for: user).ticket.number)
            } catch UseCaseError.notFound {
                throw UseCaseError.invalidReference(field: "ticketNumbers")
            }
        }
        return linked
    }

    /// The snippet from the article's texts; the title stands in for a ticket's number.
    static func snippet(_ article: KBArticle, query: SearchQuery?) -> SearchSnippet {
        let texts = [article.content.title] + article.content.searchParts.dropFirst()
        guard let query else {
            return SearchSnippet.make(texts: texts, query: SearchQuery(terms: []))
        }
        return SearchSnippet.make(texts: texts, query: query)
    }
}

/// Two revisions of an article, each field's lines compared.
public struct KBComparison: Sendable {
    public struct Field: Sendable {
        public var name: String
        public var lines: [LineDiff.Line]
    }

    public var from: KBRevision
    public var to: KBRevision
    public var fields: [Field]

    public init(from: KBRevision, to: KBRevision) {
        self.from = from
        self.to = to
        let pairs: [(String, String, String)] = [
            ("title", from.content.title, to.content.title),
            ("symptom", from.content.symptom, to.content.symptom),
            ("cause", from.content.cause, to.content.cause),
            ("solution", from.content.solution, to.content.solution),
            ("tags", from.content.tags.joined(separator: ", "), to.content.tags.joined(separator: ", ")),
            ("visibility", from.content.visibility.rawValue, to.content.visibility.rawValue),
        ]
        fields = pairs.map { Field(name: $0.0, lines: LineDiff.lines(from: $0.1, to: $0.2)) }
    }
}

/// The knowledge base's own figures for a period.
public struct KBInsights: Sendable, Codable {
    public var days: Int
    public var gaps: [KBGap]
    /// Articles opened from the intake form (24 h or more ago).
    public var intakeOpenings: Int
    /// Of those, openings after which the reader submitted no ticket within 24 h.
    public var deflected: Int
}
