import Foundation

/// One whitespace-separated part of a search query, with the index clauses that find every
/// text containing it.
///
/// A term with a Han or Kana character matches exactly the texts that contain it as a
/// substring (after normalization): the clauses find a superset and the store keeps only the
/// texts that contain ``text``. A term of one word (`vpn`, `E1001`, `12306`) matches the texts
/// with a word that starts with it, as word search does in English.
public struct SearchTerm: Equatable, Sendable {
    /// One token the index must hold, or a prefix one of its tokens must start with.
    public struct Clause: Equatable, Hashable, Sendable {
        public var token: String
        public var prefix: Bool

        public init(_ token: String, prefix: Bool = false) {
            self.token = token
            self.prefix = prefix
        }
    }

    /// The normalized term.
    public var text: String
    public var clauses: [Clause]
    /// The index finds a superset; the store must check that the text contains ``text``.
    public var needsSubstringCheck: Bool

    public init(text: String, clauses: [Clause], needsSubstringCheck: Bool) {
        self.text = text
        self.clauses = clauses
        self.needsSubstringCheck = needsSubstringCheck
    }

    /// The term for already normalized text without whitespace; nil when it holds no letter,
    /// digit or ideograph.
    public init?(normalized text: String) {
        let runs = SearchAnalyzer.runs(ofNormalized: text)
        guard !runs.isEmpty else { return nil }
        let ideographic = runs.contains { $0.characterClass == .ideographic }
        var clauses: [Clause] = []
        for run in runs {
            switch run.characterClass {
            case .ideographic:
                let scalars = run.scalars
                if scalars.count == 1 {
                    // Alone and open on the right, the character may start a bigram in the text.
                    clauses.append(Clause(run.text, prefix: run.atEnd))
                } else {
                    for index in scalars.indices.dropLast() {
                        clauses.append(Clause(String(String.UnicodeScalarView([scalars[index], scalars[index + 1]]))))
                    }
                }
            case .word:
                if run.atStart && ideographic {
                    // Its word in the text may begin earlier (`xcrm系统` contains `crm系统`):
                    // no token to ask for; the substring check decides.
                    continue
                }
                clauses.append(Clause(run.word, prefix: run.atEnd || run.atStart))
            case .separator:
                break
            }
        }
        var seen = Set<Clause>()
        self.init(
            text: text, clauses: clauses.filter { seen.insert($0).inserted },
            needsSubstringCheck: ideographic || runs.count > 1 || runs[0].isCut
                || runs[0].scalars.count != text.unicodeScalars.count)
    }
}
