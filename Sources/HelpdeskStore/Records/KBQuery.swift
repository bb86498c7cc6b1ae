import Foundation
import HelpdeskCore

/// Which articles a list or search reads (M024): the statuses, the visibility, and
/// the page (an offset: a desk has thousands of articles, not millions).
public struct KBQuery: Sendable, Equatable {
    public enum Order: String, Sendable, CaseIterable {
        /// BM25 on SQLite (a title match weighs four times a body match), ts_rank on PostgreSQL.
        case relevance
        /// Last changed first.
        case newest
        /// Last changed last: a queue's order.
        case oldest
    }

    /// Every term must match, exactly as for tickets; nil lists without a query.
    public var search: SearchQuery?
    public var statuses: [KBStatus] = KBStatus.allCases
    /// Nil for both; requesters read public articles only.
    public var visibility: KBVisibility?
    public var categoryId: Int64?
    public var tag: String?
    /// Articles linked to this ticket.
    public var ticketNumber: String?
    public var order: Order = .newest
    public var limit = 20
    public var offset = 0

    public init() {}
}

/// One page of articles and the next page's offset.
public struct KBPage: Sendable {
    public var articles: [KBArticle]
    public var nextOffset: Int?

    public init(articles: [KBArticle], nextOffset: Int?) {
        self.articles = articles
        self.nextOffset = nextOffset
    }
}

/// Someone saved the article since it was read: its revision is now `current`.
public struct KBRevisionConflict: Error, Equatable {
    public var current: Int

    public init(current: Int) { self.current = current }
}

/// A search for articles that found none (M024 `kb_gaps`): what to write next.
public struct KBGap: Sendable, Equatable, Codable {
    public var query: String
    public var searches: Int
    public var firstAt: Date
    public var lastAt: Date
}
