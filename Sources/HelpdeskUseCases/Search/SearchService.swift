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

extension SearchService {
    /// How far back, and how many of the newest open tickets, "similar open tickets" compares:
    /// a duplicate comes while its first report is open and recent.
    public static let similarWindow: TimeInterval = 14 * 86_400
    public static let similarCandidates = 300
    public static let similarLimits = 1...20

    /// Open tickets like what staff are typing at intake (R6.3), best first, so that a second
    /// report of one fault is linked to the first: those the user may see, submitted in the last
    /// ``similarWindow``, holding enough of the text's tokens (``TextOverlap``). Requesters are
    /// refused: other people's tickets are not theirs to see.
    public func similarOpen(_ text: String, limit: Int = 5, for user: User) async throws -> [SimilarTicket] {
        guard !text.isEmpty else { throw UseCaseError.fieldRequired(field: "q") }
        guard user.role.isStaff else { throw UseCaseError.forbidden(action: "similar") }
        guard text.count <= KnowledgeService.suggestionTextMax else { throw UseCaseError.invalidValue(field: "q") }
        guard Self.similarLimits.contains(limit) else { throw UseCaseError.invalidValue(field: "limit") }
        let overlap = TextOverlap(text)
        guard !overlap.tokens.isEmpty else { return [] }
        let reader = try await tickets.reader(user)
        let candidates = try await store.recentOpenTickets(
            scope: Access.listScope(for: reader), since: tickets.clock.now().addingTimeInterval(-Self.similarWindow),
            limit: Self.similarCandidates)
        var scored: [(ticket: TicketSummary, text: String, shared: [String])] = []
        for (ticket, text) in candidates {
            let shared = overlap.shared(with: TextOverlap.held(normalized: text))
            if overlap.isEnough(shared.count) { scored.append((ticket, text, shared)) }
        }
        // Most shared first; the candidates come newest first and the sort keeps that order.
        let best = scored.enumerated().sorted {
            $0.element.shared.count != $1.element.shared.count
                ? $0.element.shared.count > $1.element.shared.count : $0.offset < $1.offset
        }.prefix(limit).map(\.element)
        var results: [SimilarTicket] = []
        for (ticket, text, shared) in best {
            let major = try await store.ticket(number: ticket.number)?.majorIncident == true
            // The title as written; the rest as the index keeps it (number, title, then description).
            let rest = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).map(String.init)
            results.append(
                SimilarTicket(
                    ticket: ticket,
                    snippet: SearchSnippet.make(
                        texts: [ticket.number, ticket.title] + rest, query: TextOverlap.query(shared)),
                    sharedTerms: shared.count, termCount: overlap.tokens.count, majorIncident: major))
        }
        return results
    }
}

/// An open ticket like a text being typed at intake, with the snippet marking what they share.
public struct SimilarTicket: Sendable {
    public var ticket: TicketSummary
    public var snippet: SearchSnippet
    /// How many of the text's tokens it holds, of how many.
    public var sharedTerms: Int
    public var termCount: Int
    /// Whether it is a declared major incident, to which the new ticket can be linked at intake.
    public var majorIncident: Bool
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
