import Foundation

/// A parsed search: every term must match (AND). Parsing normalizes the query as the analyzer
/// normalizes text, so full-width and upper-case queries find what they look like.
public struct SearchQuery: Equatable, Sendable {
    public static let maximumLength = 200
    public static let maximumTerms = 10

    public var terms: [SearchTerm]

    public init(terms: [SearchTerm]) { self.terms = terms }

    /// Nil when the query holds no searchable term (empty, or punctuation only).
    public init?(_ query: String) {
        let normalized = SearchAnalyzer.normalize(String(query.prefix(Self.maximumLength)))
        let terms = normalized.split(separator: " ").prefix(Self.maximumTerms).compactMap {
            SearchTerm(normalized: String($0))
        }
        guard !terms.isEmpty else { return nil }
        self.init(terms: terms)
    }
}
