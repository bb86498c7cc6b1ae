import Foundation
import HelpdeskCore
import HelpdeskStore

/// Search over everything the desk keeps (R6.2), for every front end: the API's `GET /search`,
/// the web search page and the queues' search box. It parses the query with the Core analyzer,
/// asks the store's index within the user's list scope and cuts a masked snippet per hit.
public struct SearchService: Sendable {
    let store: any HelpdeskStore
    let tickets: TicketService

    public init(store: any HelpdeskStore, tickets: TicketService) {
        self.store = store
        self.tickets = tickets
    }

    public static let limits = 1...100

    public func search(_ request: SearchInput, for user: User) async throws -> SearchResults {
        // Only an absent or empty `q` is an error; whitespace, like punctuation, finds nothing.
        guard !request.query.isEmpty else { throw UseCaseError.fieldRequired(field: "q") }
        let text = request.query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= SearchQuery.maximumLength else { throw UseCaseError.invalidValue(field: "q") }
        guard Self.limits.contains(request.limit) else { throw UseCaseError.invalidValue(field: "limit") }
        // Punctuation or whitespace only: nothing can match, which is an answer, not an error.
        guard let query = SearchQuery(text) else { return SearchResults(items: [], nextCursor: nil, rules: [:]) }
        let reader = try await tickets.reader(user)
        var search = SearchRequest(query: query, scope: Access.listScope(for: reader))
        search.order = request.order
        search.limit = request.limit
        search.cursor = request.cursor
        let page = try await store.search(search)
        let texts = try await store.searchTexts(
            ticketIds: page.tickets.map(\.id), includeInternal: reader.role.isStaff)
        let items = page.tickets.map { ticket in
            SearchResult(
                ticket: ticket,
                snippet: SearchSnippet.make(texts: texts[ticket.id] ?? [ticket.number, ticket.title], query: query))
        }
        var rules: [Int64: TicketRules] = [:]
        for id in Set(page.tickets.map(\.slaPolicyId)) { rules[id] = try await store.rules(policyId: id) }
        return SearchResults(items: items, nextCursor: page.nextCursor, rules: rules)
    }
}

/// What a search asks for.
public struct SearchInput: Sendable, Equatable {
    public var query: String
    public var order: SearchRequest.Order = .relevance
    public var limit = 20
    public var cursor: Int64?

    public init(query: String) { self.query = query }
}

/// One hit: the ticket's list row and its snippet.
public struct SearchResult: Sendable {
    public var ticket: TicketSummary
    public var snippet: SearchSnippet
}

public struct SearchResults: Sendable {
    public var items: [SearchResult]
    public var nextCursor: Int64?
    /// The SLA rules of the hits' policies, for their SLA state.
    public var rules: [Int64: TicketRules]
}
