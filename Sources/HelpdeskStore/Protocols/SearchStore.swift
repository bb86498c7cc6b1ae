import Foundation
import HelpdeskCore

/// The search index (M015). It is written by the ticket writes themselves, in their
/// transaction, so a search never misses a committed change. Part of ``HelpdeskStore``.
public protocol SearchStore: Sendable {
    func search(_ request: SearchRequest) async throws -> SearchPage
    /// The original texts of each ticket, in index order (see ``SearchDocument``), for snippets.
    func searchTexts(ticketIds: [Int64], includeInternal: Bool) async throws -> [Int64: [String]]
    /// Whether every ticket has its index row (two counts).
    func searchIndexIsComplete() async throws -> Bool
    /// Indexes up to `limit` tickets after id `after` that have no index row yet (tickets from
    /// before M015), in id order; returns the last one's id, nil when there was none.
    func indexUnindexedTickets(after: Int64, limit: Int) async throws -> Int64?
    /// The newest open tickets within `scope` submitted since `since`, at most `limit`, each with
    /// the beginning of its normalized public text (number, title, description come first): the
    /// candidates for "similar open tickets" at intake.
    func recentOpenTickets(scope: Access.ListScope, since: Date, limit: Int) async throws
        -> [(ticket: TicketSummary, text: String)]
    /// Reads up to `limit` files stored before their words were indexed (before M026), newest
    /// first, with `text` (nil: not plain text), and reindexes their tickets, in one
    /// transaction; returns whether files remain. Instances calling it together take turns.
    func examineAttachmentsForSearch(
        limit: Int, reading text: @escaping @Sendable (Attachment, Data) -> String?
    ) async throws -> Bool
}
