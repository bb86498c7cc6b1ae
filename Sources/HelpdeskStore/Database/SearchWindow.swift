/// A range of the newest ticket ids that a PostgreSQL search asks its index about first
/// (M027). GIN yields matches in no order: instead of fetching every match of a common term to
/// sort them, a search asks for the matches among the newest ids, and widens the range only when
/// they are too few. Each range is a few of the id-range lexemes every ticket is indexed with.
struct SearchWindow: Equatable, Sendable {
    /// Ids per fine range: 2¹⁰ = 1 024.
    static let fineShift = 10
    /// Ids per coarse range: 2¹⁵ = 32 768.
    static let coarseShift = 15

    /// The lexemes, any of which a match must have.
    var lexemes: [String]
    /// The lowest id the ranges hold.
    var lowestId: Int64

    /// The matches' condition as a tsquery literal: any of the ranges.
    var tsquery: String { lexemes.map(Dialect.lexeme).joined(separator: " | ") }

    /// The ranges to ask in turn for ids up to `highestId`: about 2 000, 16 000, 130 000 and a
    /// million of the newest ids, then, as nil, all of them. A range reaching id 0 is the last.
    static func widening(upTo highestId: Int64) -> [SearchWindow?] {
        let top = max(0, highestId)
        var windows: [SearchWindow?] = []
        for (shift, prefix, count) in [
            (fineShift, "#f", 2), (fineShift, "#f", 16), (coarseShift, "#c", 4), (coarseShift, "#c", 32),
        ] {
            let last = top >> Int64(shift)
            let first = max(0, last - Int64(count) + 1)
            windows.append(
                SearchWindow(
                    lexemes: (first...last).reversed().map { prefix + String($0) }, lowestId: first << Int64(shift)))
            if first == 0 { return windows }
        }
        return windows + [nil]
    }
}
