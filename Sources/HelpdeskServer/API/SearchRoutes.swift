import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `GET /api/v1/search` (R6.2, ``SearchService``, ``KnowledgeService``): tickets and knowledge
/// articles matching a Chinese or English query, best or newest first, each with a masked
/// snippet and its marked matches.
struct SearchRoutes {
    let search: SearchService
    let knowledge: KnowledgeService

    /// What `scope=` may name: `all` (the default) puts the best articles, at most
    /// ``allArticles`` of them, before the first page of tickets; later pages are tickets.
    enum Scope: String {
        case tickets
        case kb
        case all
    }

    static let allArticles = 5

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("search") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let scope = try QueryParsing.value(parameters.get("scope"), "scope", as: Scope.self) ?? .all
            var input = SearchInput(query: parameters.get("q") ?? "")
            input.order =
                try QueryParsing.value(parameters.get("order"), "order", as: SearchRequest.Order.self) ?? .relevance
            input.limit = try QueryParsing.limit(parameters.get("limit"), default: 20, range: SearchService.limits)
            if scope == .kb {
                var list = KnowledgeService.ListInput()
                list.query = input.query
                list.order = input.order == .newest ? .newest : .relevance
                list.limit = input.limit
                list.offset = try QueryParsing.offset(parameters.get("cursor"))
                list.recordsGap = true
                // The same refusals as a ticket search: no query, one too long.
                guard !input.query.isEmpty else { throw UseCaseError.fieldRequired(field: "q") }
                let hits = try await knowledge.list(list, for: user)
                return SearchResponse(
                    items: hits.items.map { .kb(KBArticleResponse($0.article, snippet: $0.snippet, brief: true)) },
                    nextCursor: hits.nextOffset.map(String.init))
            }
            // 0, like no cursor, is the first page.
            input.cursor =
                parameters.get("cursor") == "0" ? nil : try QueryParsing.id(parameters.get("cursor"), "cursor")
            let results = try await search.search(input, for: user)
            var items: [SearchResponse.Item] = []
            if scope == .all, input.cursor == nil {
                items += try await knowledge.bestPublished(input.query, for: user, limit: Self.allArticles).map {
                    .kb(KBArticleResponse($0.article, snippet: $0.snippet, brief: true))
                }
            }
            items += results.items.map { .ticket(SearchItemResponse($0)) }
            return SearchResponse(items: items, nextCursor: results.nextCursor.map(String.init))
        }
        // Open tickets like a text being typed at intake, for staff (R6.3).
        group.get("search/similar") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let text = parameters.get("q") ?? ""
            let limit = try QueryParsing.limit(parameters.get("limit"), default: 5, range: SearchService.similarLimits)
            let similar = try await search.similarOpen(text, limit: limit, for: user)
            return SimilarTicketsResponse(items: similar.map(SimilarTicketResponse.init))
        }
    }
}

struct SearchResponse: ResponseEncodable {
    /// A ticket or an article, told apart by its `kind`.
    enum Item: Encodable, Sendable {
        case ticket(SearchItemResponse)
        case kb(KBArticleResponse)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .ticket(let item): try item.encode(to: encoder)
            case .kb(let item): try item.encode(to: encoder)
            }
        }
    }

    let items: [Item]
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
        snippet = result.snippet.text
        highlights = Self.highlights(of: result.snippet)
    }

    /// The snippet's marks as scalar offsets and lengths, which every client can index.
    static func highlights(of snippet: SearchSnippet) -> [Highlight] {
        let characters = Array(snippet.text)
        var scalarOffsets = [0]
        for character in characters { scalarOffsets.append(scalarOffsets.last! + character.unicodeScalars.count) }
        return snippet.highlights.map {
            Highlight(
                start: scalarOffsets[$0.lowerBound], length: scalarOffsets[$0.upperBound] - scalarOffsets[$0.lowerBound]
            )
        }
    }
}

struct SimilarTicketsResponse: ResponseEncodable {
    let items: [SimilarTicketResponse]
}

/// An open ticket like the text asked about: how many of its tokens it shares, and whether it is
/// a major incident a new ticket may be linked to (`majorIncident` on create).
struct SimilarTicketResponse: Encodable, Sendable {
    let number: String
    let title: String
    let status: TicketStatus
    let priority: Priority
    let submittedAt: Date
    let snippet: String
    let highlights: [SearchItemResponse.Highlight]
    let sharedTerms: Int
    let termCount: Int
    let majorIncident: Bool

    init(_ similar: SimilarTicket) {
        number = similar.ticket.number
        title = similar.ticket.title
        status = similar.ticket.status
        priority = similar.ticket.priority
        submittedAt = similar.ticket.submittedAt
        snippet = similar.snippet.text
        highlights = SearchItemResponse.highlights(of: similar.snippet)
        sharedTerms = similar.sharedTerms
        termCount = similar.termCount
        majorIncident = similar.majorIncident
    }
}
