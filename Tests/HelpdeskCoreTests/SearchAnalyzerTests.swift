import HelpdeskTestSupport
import Testing

@testable import HelpdeskCore

@Suite("Search analyzer (R6.2)")
struct SearchAnalyzerTests {
    @Test(
        "text is cut into Han bigrams with the last character, and words",
        arguments: [
            ("数据库连接错误", ["数据", "据库", "库连", "连接", "接错", "错误", "误"]),
            ("CRM系统", ["crm", "系统", "统"]),
            ("铁路12306", ["铁路", "路", "12306"]),
            ("E1001", ["e1001"]),
            ("ＣＲＭ１２３", ["crm123"]),
            ("打印机 卡纸！", ["打印", "印机", "机", "卡纸", "纸"]),
            ("库", ["库"]),
            ("ログイン失敗", ["ログ", "グイ", "イン", "ン失", "失敗", "敗"]),
            ("", []),
            ("VPN-客户端 v2.0", ["vpn", "客户", "户端", "端", "v2", "0"]),
            ("Cafe\u{301} ok", ["café", "ok"]),
            ("〇号线", ["〇号", "号线", "线"]),
            ("邮件：zhang@corp.com", ["邮件", "件", "zhang", "corp", "com"]),
        ] as [(String, [String])])
    func tokens(text: String, expected: [String]) {
        #expect(SearchAnalyzer.tokens(of: text) == expected)
    }

    @Test(
        "normalization folds width and case and collapses whitespace",
        arguments: [
            ("ＣＲＭ系统", "crm系统"), ("１２３", "123"), ("  VPN \n\t 断开  ", "vpn 断开"), ("Ａｂｃ", "abc"),
            ("ﾛｸﾞｲﾝ", "ログイン"), ("", ""),
        ])
    func normalize(text: String, expected: String) {
        #expect(SearchAnalyzer.normalize(text) == expected)
    }

    @Test(
        "a query term asks the index for what every text containing it must hold",
        arguments: [
            ("数据库", ["数据", "据库"], true),
            ("库", ["库*"], true),
            ("crm系统", ["系统"], true),
            ("ＣＲＭ系统", ["系统"], true),
            ("系统crm", ["系统", "crm*"], true),
            ("e1001", ["e1001*"], false),
            ("库a", ["库", "a*"], true),
            ("a库", ["库*"], true),
            ("数-据", ["数", "据*"], true),
            ("192.168.1.1", ["192*", "168", "1", "1*"], true),
            ("数据数据", ["数据", "据数"], true),
            ("铁路12306", ["铁路", "12306*"], true),
        ] as [(String, [String], Bool)])
    func term(query: String, clauses: [String], check: Bool) throws {
        let term = try #require(SearchQuery(query)?.terms.first)
        #expect(term.clauses.map { $0.token + ($0.prefix ? "*" : "") } == clauses)
        #expect(term.needsSubstringCheck == check)
    }

    @Test("a query of spaces or punctuation is no query", arguments: ["", "   ", "！！", "-", "…"])
    func empty(query: String) {
        #expect(SearchQuery(query) == nil)
    }

    @Test("terms are split on whitespace, full-width spaces included")
    func terms() throws {
        let query = try #require(SearchQuery("数据库\u{3000}连接  VPN"))
        #expect(query.terms.map(\.text) == ["数据库", "连接", "vpn"])
    }

    /// The property the store's exactness rests on: whenever a text contains a term, the text's
    /// tokens satisfy every clause of the term. Texts and terms are drawn from a small alphabet
    /// so that substrings, repeats and run edges are common.
    @Test("every text containing a term satisfies the term's clauses", arguments: 0..<8)
    func noTextIsMissed(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let alphabet = Array("数据库连接错误系统打印a1b2 -，。") + ["Ｃ", "\u{3000}"]
        var checked = 0
        for _ in 0..<300 {
            let text = String(
                (0..<Int.random(in: 1...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let normalized = SearchAnalyzer.normalize(text)
            let tokens = SearchAnalyzer.tokens(ofNormalized: normalized)
            let scalars = Array(normalized.unicodeScalars)
            for _ in 0..<6 {
                let start = Int.random(in: 0..<max(1, scalars.count), using: &random)
                let length = Int.random(in: 1...10, using: &random)
                let slice = scalars[min(start, scalars.count)..<min(start + length, scalars.count)]
                guard let query = SearchQuery(String(String.UnicodeScalarView(slice))) else { continue }
                // A bare word or Latin-only term matches words it begins (see `words`), not any substring.
                for term in query.terms
                where term.text.unicodeScalars.contains(where: { SearchAnalyzer.characterClass(of: $0) == .ideographic }
                ) {
                    #expect(normalized.unicodeScalars.contains(term.text.unicodeScalars))
                    for clause in term.clauses {
                        let held = tokens.contains {
                            clause.prefix
                                ? $0.unicodeScalars.starts(with: clause.token.unicodeScalars) : $0 == clause.token
                        }
                        #expect(held, "\(term.text) in \(normalized): \(clause)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 800)
    }
}

extension Sequence where Element: Equatable {
    fileprivate func contains<Other: Collection>(_ other: Other) -> Bool where Other.Element == Element {
        let elements = Array(self)
        let needle = Array(other)
        guard needle.count <= elements.count else { return needle.isEmpty }
        return (0...(elements.count - needle.count)).contains { Array(elements[$0..<($0 + needle.count)]) == needle }
    }
}
