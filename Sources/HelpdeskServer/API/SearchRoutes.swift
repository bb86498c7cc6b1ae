import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `GET /api/v1/search` (R6.2, ``SearchService``): tickets matching a Chinese or English query,
/// best or newest first, each with a masked snippet and its marked matches.
struct SearchRoutes {
    let search: SearchService

    /// What `scope=` may name. Tickets are all the desk has indexed so far; `all` names
    /// everything indexed, so a client asking for it keeps working as more is indexed.
    enum Scope: String {
        case tickets
        case all
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("search") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            _ = try QueryParsing.value(parameters.get("scope"), "scope", as: Scope.self)
            var input = SearchInput(query: parameters.get("q") ?? "")
            input.order =
                try QueryParsing.value(parameters.get("order"), "order", as: SearchRequest.Order.self) ?? .relevance
            input.limit = try QueryParsing.limit(parameters.get("limit"), default: 20, range: SearchService.limits)
            input.cursor = try QueryParsing.id(parameters.get("cursor"), "cursor")
            let results = try await search.search(input, for: user)
            return SearchResponse(
                items: results.items.map { SearchItemResponse($0) },
                nextCursor: results.nextCursor.map(String.init))
        }
    }
}

struct SearchResponse: ResponseEncodable {
    let items: [SearchItemResponse]
    let nextCursor: String?
}

/// One hit. `highlights` are offsets and lengths in characters (Unicode scalar values) of `snippet`.
struct SearchItemResponse: Encodable, Sendable {
    struct Highlight: Encodable, Sendable {
        let start: Int
        let length: Int
    }

    let kind = "ticket"
    let id: Int64
    let number: String
    let title: String
    let status: TicketStatus
    let priority: Priority
    let submittedAt: Date
    let snippet: String
    let highlights: [Highlight]

    init(_ result: SearchResult) {
        id = result.ticket.id
        number = result.ticket.number
        title = result.ticket.title
        status = result.ticket.status
        priority = result.ticket.priority
        submittedAt = result.ticket.submittedAt
        let snippet = result.snippet
        self.snippet = snippet.text
        // Character offsets into scalar offsets, which every client can index.
        let characters = Array(snippet.text)
        var scalarOffsets = [0]
        for character in characters { scalarOffsets.append(scalarOffsets.last! + character.unicodeScalars.count) }
        highlights = snippet.highlights.map {
            Highlight(
                start: scalarOffsets[$0.lowerBound], length: scalarOffsets[$0.upperBound] - scalarOffsets[$0.lowerBound]
            )
        }
    }
}
