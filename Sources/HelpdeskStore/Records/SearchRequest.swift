import Foundation
import HelpdeskCore

/// A search over the ticket index (R6.2): the parsed query, who asks (their list scope, and
/// whether they may match internal text), the order and the page.
public struct SearchRequest: Sendable, Equatable {
    public enum Order: String, Sendable, CaseIterable {
        /// BM25 on SQLite, ts_rank on PostgreSQL, over the newest ``SQLStore/rankedWindow``
        /// matches; ties newest first.
        case relevance
        case newest
    }

    public var query: SearchQuery
    /// Whose tickets; a requester's scope also limits the match to text they may see, staff
    /// match internal work-log entries and root causes too.
    public var scope: Access.ListScope
    public var order: Order = .relevance
    public var limit = 20
    /// The previous page's `nextCursor`: the last ticket id (newest) or the count already read (relevance).
    public var cursor: Int64?

    public init(query: SearchQuery, scope: Access.ListScope) {
        self.query = query
        self.scope = scope
    }
}

/// One page of search hits, best (or newest) first.
public struct SearchPage: Sendable {
    public var tickets: [TicketSummary]
    public var nextCursor: Int64?
}
