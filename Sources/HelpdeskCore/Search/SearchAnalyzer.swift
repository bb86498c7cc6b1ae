import Foundation

/// The one text analyzer of the search engine (R6.2), used for what is indexed and for what is
/// asked, on both stores. Text is normalized (Unicode NFKC, so `ＣＲＭ` ≡ `CRM` and `１２３` ≡
/// `123`; lower case; whitespace runs as one space), then cut into runs: a run of Han or Kana
/// characters gives its overlapping bigrams and the unigram of its last character, a run of
/// letters, digits and marks gives one word, anything else separates runs.
///
/// The unigram of a run's last character is what makes one-character queries exact: a
/// character inside a run starts a bigram, one at the end of a run is its own token, so "the
/// text contains 库" is "some token starts with 库" (see ``SearchTerm``).
public enum SearchAnalyzer {
    public enum CharacterClass: Equatable, Sendable {
        /// Han, Kana and the like: written without spaces between words, indexed as bigrams.
        case ideographic
        /// Letters, digits and marks of space-separated scripts: indexed as words.
        case word
        case separator
    }

    /// One run of same-class characters in normalized text, with whether a separator (or the
    /// text's edge) bounds it on each side.
    public struct Run: Equatable, Sendable {
        public var characterClass: CharacterClass
        public var scalars: [Unicode.Scalar]
        /// The run starts at the beginning of the analyzed text.
        public var atStart: Bool
        /// The run ends at the end of the analyzed text.
        public var atEnd: Bool

        public var text: String { String(String.UnicodeScalarView(scalars)) }
        /// The run as an index word, cut to ``SearchAnalyzer/maximumWordLength``.
        public var word: String { String(String.UnicodeScalarView(scalars.prefix(SearchAnalyzer.maximumWordLength))) }
        public var isCut: Bool { scalars.count > SearchAnalyzer.maximumWordLength }
    }

    /// Longer words are indexed and asked for by their first this many characters (a pasted
    /// hash or base64 line must not make an oversized token); the substring check keeps such
    /// searches exact.
    public static let maximumWordLength = 64

    /// NFKC, lower case, every whitespace run as one space, trimmed.
    public static func normalize(_ text: String) -> String {
        if let quick = quickNormalized(text) { return quick }
        return slowNormalized(text)
    }

    /// ``normalize(_:)`` through Foundation's NFKC and `lowercased()`, for any text.
    static func slowNormalized(_ text: String) -> String {
        collapsingWhitespace(text.precomposedStringWithCompatibilityMapping.lowercased()) { $0 } ?? ""
    }

    /// The text's scalars mapped one by one, each whitespace run as one space, trimmed; nil as
    /// soon as `mapping` gives nil.
    @inline(__always)
    static func collapsingWhitespace(_ text: String, _ mapping: (Unicode.Scalar) -> Unicode.Scalar?) -> String? {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for original in text.unicodeScalars {
            guard let scalar = mapping(original) else { return nil }
            if isWhitespace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    public static func characterClass(of scalar: Unicode.Scalar) -> CharacterClass {
        // The common cases without a look-up of Unicode's tables (a test holds them equal).
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
        case 0...0x7F: return .separator
        case 0x4E00...0x9FFF: return .ideographic
        default: return tableCharacterClass(of: scalar)
        }
    }

    /// ``characterClass(of:)`` from Unicode's properties alone.
    static func tableCharacterClass(of scalar: Unicode.Scalar) -> CharacterClass {
        if scalar.properties.isIdeographic { return .ideographic }
        switch scalar.value {
        // Hiragana, Katakana (with the prolonged sound mark), Katakana phonetic extensions.
        case 0x3040...0x30FF, 0x31F0...0x31FF: return .ideographic
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return .word
        default:
            return .separator
        }
    }

    /// The runs of already normalized text, separators left out.
    public static func runs(ofNormalized text: String) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        var isFirst = true
        for scalar in text.unicodeScalars {
            let kind = characterClass(of: scalar)
            if let run = current, run.characterClass != kind {
                runs.append(run)
                current = nil
            }
            if kind != .separator {
                if current == nil {
                    current = Run(characterClass: kind, scalars: [], atStart: isFirst, atEnd: false)
                }
                current!.scalars.append(scalar)
            }
            isFirst = false
        }
        if var run = current {
            run.atEnd = true
            runs.append(run)
        }
        return runs
    }

    /// The index tokens of already normalized text, in text order, repeats kept (they weigh
    /// in ranking).
    public static func tokens(ofNormalized text: String) -> [String] {
        var tokens: [String] = []
        for run in runs(ofNormalized: text) {
            switch run.characterClass {
            case .word:
                tokens.append(run.word)
            case .ideographic:
                let scalars = run.scalars
                for index in scalars.indices.dropLast() {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(scalars[index])
                    bigram.append(scalars[index + 1])
                    tokens.append(String(bigram))
                }
                tokens.append(String(scalars[scalars.count - 1]))
            case .separator:
                break
            }
        }
        return tokens
    }

    /// The index tokens of any text.
    public static func tokens(of text: String) -> [String] { tokens(ofNormalized: normalize(text)) }
}
