import Foundation

/// A short extract of a search hit with the matches marked (R6.2): from the first of the texts
/// that contains a term, around its first match, on one line, with personal data masked
/// (R9.2: credentials, identity, card and mobile numbers hidden, e-mail addresses reduced).
public struct SearchSnippet: Equatable, Sendable {
    public var text: String
    /// The marked matches in ``text``, as offsets and lengths in characters, in order.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// Characters shown before the first match.
    public static let lead = 24

    /// The snippet for `query` from `texts` (a ticket's texts in index order: number, title,
    /// description, …), at most `width` characters plus ellipses. When no text shows a match
    /// (the match was on the number, or on text the normalization changed) the description's
    /// beginning is shown without marks.
    public static func make(texts: [String], query: SearchQuery, width: Int = 100) -> SearchSnippet {
        let needles = query.terms.map { Array($0.text.unicodeScalars) }
        for text in texts.dropFirst() {
            let normalized = SearchAnalyzer.normalize(text)
            guard query.terms.contains(where: { normalized.contains($0.text) }) else { continue }
            let characters = Array(mask(text))
            let (scalars, owners) = normalizedScalars(of: characters)
            var matches: [Range<Int>] = []
            for needle in needles where !needle.isEmpty && needle.count <= scalars.count {
                for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
                    guard Array(scalars[start..<(start + needle.count)]) == needle else { continue }
                    matches.append(owners[start]..<(owners[start + needle.count - 1] + 1))
                }
            }
            guard let first = matches.min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
            return window(characters, from: max(0, first.lowerBound - lead), width: width, matches: matches)
        }
        let fallback = texts.count > 2 ? texts[2] : texts.last ?? ""
        return window(Array(mask(fallback)), from: 0, width: width, matches: [])
    }

    /// `width` characters from `start`, whitespace runs as one space, ellipses where cut, and the
    /// matches inside (merged where they overlap) moved to the window's offsets.
    static func window(_ characters: [Character], from start: Int, width: Int, matches: [Range<Int>]) -> SearchSnippet {
        let end = min(characters.count, start + width)
        var text = start > 0 ? "…" : ""
        var offsets: [Int] = []  // the snippet offset of each source character in the window
        var count = text.count
        var lastWasSpace = false
        for character in characters[start..<end] {
            offsets.append(count)
            if character.isWhitespace {
                if lastWasSpace { continue }
                text.append(" ")
                lastWasSpace = true
            } else {
                text.append(character)
                lastWasSpace = false
            }
            count += 1
        }
        offsets.append(count)
        if end < characters.count { text += "…" }
        var highlights: [Range<Int>] = []
        for match in matches.sorted(by: { $0.lowerBound < $1.lowerBound })
        where match.lowerBound >= start && match.upperBound <= end {
            let range = offsets[match.lowerBound - start]..<offsets[match.upperBound - start]
            if let last = highlights.last, last.upperBound >= range.lowerBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                highlights.append(range)
            }
        }
        return SearchSnippet(text: text, highlights: highlights)
    }

    /// The text normalized one character at a time, with the character each scalar came from,
    /// so a match in normalized text maps back to the characters shown.
    static func normalizedScalars(of characters: [Character]) -> ([Unicode.Scalar], [Int]) {
        var scalars: [Unicode.Scalar] = []
        var owners: [Int] = []
        scalars.reserveCapacity(characters.count)
        owners.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            if let ascii = character.asciiValue {
                // Whitespace stays a space (runs do not occur in terms, so they never match).
                let lowered = (65...90).contains(ascii) ? ascii + 32 : ascii
                scalars.append(Unicode.Scalar(character.isWhitespace ? 32 : lowered))
                owners.append(index)
                continue
            }
            let normalized = character.isWhitespace ? " " : SearchAnalyzer.normalize(String(character))
            for scalar in normalized.unicodeScalars {
                scalars.append(scalar)
                owners.append(index)
            }
        }
        return (scalars, owners)
    }

    /// Hides what may not be shown in a list of results.
    static func mask(_ text: String) -> String { Masking.text(text) }
}
