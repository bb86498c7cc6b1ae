import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/search`: the search page for every role, over ``SearchService`` as `GET /api/v1/search`.
struct WebSearchRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("search", use: search)
    }

    @Sendable func search(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let parameters = request.uri.queryParameters
        let q = (parameters.get("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let order = try QueryParsing.value(parameters.get("order"), "order", as: SearchRequest.Order.self) ?? .relevance
        let views = try await deps.views(page)
        var hits: [SearchPage.Hit] = []
        var next: String?
        var articles: KBSuggestionsSection?
        if !q.isEmpty {
            var input = SearchInput(query: q)
            input.order = order
            input.cursor = try QueryParsing.id(parameters.get("cursor"), "cursor")
            if input.cursor == nil {
                let pages = WebKnowledgeRoutes(deps: deps)
                let found = try await deps.services.knowledge.bestPublished(q, for: user)
                articles = KBSuggestionsSection(
                    items: found.map {
                        pages.item(of: $0.article, snippet: $0.snippet, user: user, page: page, intake: false)
                    },
                    hasItems: !found.isEmpty, newTab: false)
            }
            let results = try await deps.services.search.search(input, for: user)
            hits = results.items.map { item in
                SearchPage.Hit(
                    row: views.row(item.ticket, rules: results.rules[item.ticket.slaPolicyId]!),
                    snippet: Self.parts(item.snippet))
            }
            next = results.nextCursor.map {
                "/search?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&order=\(order.rawValue)&cursor=\($0)"
            }
        }
        var model = SearchPage(
            q: q,
            orders: TicketViews.options(
                SearchRequest.Order.allCases.map { ($0.rawValue, views.t("ui.search.order.\($0.rawValue)")) },
                selected: order.rawValue),
            hits: hits, nothingFound: !q.isEmpty && hits.isEmpty && articles?.hasItems != true, next: next,
            hasHits: !hits.isEmpty)
        model.articles = articles
        return deps.render(model, page, titleKey: "ui.search.title")
    }

    /// The snippet cut at its marks, for the template to wrap the matches in `<mark>`.
    static func parts(_ snippet: SearchSnippet) -> [SearchPage.SnippetPart] {
        let characters = Array(snippet.text)
        var parts: [SearchPage.SnippetPart] = []
        var position = 0
        for range in snippet.highlights {
            if range.lowerBound > position {
                parts.append(.init(text: String(characters[position..<range.lowerBound]), mark: false))
            }
            parts.append(.init(text: String(characters[range]), mark: true))
            position = range.upperBound
        }
        if position < characters.count { parts.append(.init(text: String(characters[position...]), mark: false)) }
        return parts
    }
}
