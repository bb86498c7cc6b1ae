/// `search.mustache`: the search page for every role (R6.2), over the same index and use case
/// as `GET /api/v1/search`: the query, the order, and each hit's row with its snippet.
struct SearchPage: PageModel {
    static let template = "search"

    /// A piece of a snippet, marked when it is a match.
    struct SnippetPart: Sendable {
        let text: String
        let mark: Bool
    }

    struct Hit: Sendable {
        let row: QueueRow
        let snippet: [SnippetPart]
    }

    let q: String
    let orders: [SelectOption]
    let hits: [Hit]
    /// Something was asked and nothing matched.
    let nothingFound: Bool
    let next: String?
    let hasHits: Bool
    /// The best published articles, above the first page of tickets (as `scope=all`).
    var articles: KBSuggestionsSection? = nil
}
