import Foundation

/// How much of what someone is typing another text holds: the rule behind the knowledge
/// suggestions at intake and the similar open tickets staff see there (R6.2, R6.3). The typed
/// text's distinct tokens (Han bigrams, words), the first ``tokenLimit`` of them; another text
/// is like it when it holds at least ``share`` of them, or all of them when there are one or two.
public struct TextOverlap: Sendable, Equatable {
    public static let tokenLimit = 64
    public static let share = 0.3

    /// The typed text's distinct tokens, in the order they come.
    public let tokens: [String]

    public init(_ text: String, limit: Int = TextOverlap.tokenLimit) {
        var seen = Set<String>()
        tokens = Array(SearchAnalyzer.tokens(of: text).filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// The tokens `held` (another text's) holds, in the typed order.
    public func shared(with held: Set<String>) -> [String] { tokens.filter(held.contains) }

    /// Whether `shared` of the tokens is enough for the other text to be offered.
    public func isEnough(_ shared: Int) -> Bool {
        guard !tokens.isEmpty else { return false }
        return tokens.count <= 2 ? shared == tokens.count : Double(shared) >= Double(tokens.count) * Self.share
    }

    /// The tokens of a normalized text (as the index stores it), for `shared(with:)`.
    public static func held(normalized text: String) -> Set<String> {
        Set(SearchAnalyzer.tokens(ofNormalized: text))
    }

    /// The shared tokens as a query, for a snippet that marks them.
    public static func query(_ shared: [String]) -> SearchQuery {
        SearchQuery(terms: shared.map { SearchTerm(text: $0, clauses: [], needsSubstringCheck: false) })
    }
}
