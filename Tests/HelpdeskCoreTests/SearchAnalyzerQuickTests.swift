import Foundation
import HelpdeskTestSupport
import Testing

@testable import HelpdeskCore

@Suite("Search analyzer: the quick paths give what Unicode's tables give (R6.2)")
struct SearchAnalyzerQuickTests {
    /// Every Unicode scalar, in blocks of 64 K so that a failure names its plane.
    static let planes = Array(0...16)

    static func scalars(of plane: Int) -> [Unicode.Scalar] {
        (UInt32(plane) << 16...(UInt32(plane) << 16 | 0xFFFF)).compactMap(Unicode.Scalar.init)
    }

    @Test("every scalar's class, whitespace and quick NFKC mapping equal the tables'", arguments: planes)
    func everyScalar(plane: Int) {
        var classes = 0
        var spaces = 0
        var mappings = 0
        for scalar in Self.scalars(of: plane) {
            if SearchAnalyzer.characterClass(of: scalar) != SearchAnalyzer.tableCharacterClass(of: scalar) {
                classes += 1
            }
            if SearchAnalyzer.isWhitespace(scalar) != scalar.properties.isWhitespace { spaces += 1 }
            if let mapped = SearchAnalyzer.quickMapping(scalar),
                String(scalar).precomposedStringWithCompatibilityMapping.lowercased() != String(mapped)
            {
                mappings += 1
            }
        }
        #expect(classes == 0 && spaces == 0 && mappings == 0)
    }

    @Test("the quick set is what it says: ASCII, full-width ASCII, the Han block, the CJK marks")
    func quickSet() {
        #expect(SearchAnalyzer.quickNormalized("ＣＲＭ系统，Ｅ１００１ 无法\u{3000}登录。") == "crm系统,e1001 无法 登录。")
        #expect(SearchAnalyzer.quickNormalized("café") == nil)
        #expect(SearchAnalyzer.quickNormalized("e\u{301}") == nil)
        #expect(SearchAnalyzer.quickNormalized("…") == nil)
        #expect(SearchAnalyzer.quickNormalized("ｶﾀｶﾅ") == nil)
    }

    /// Text drawn from the quick set with, in some texts, scalars outside it.
    static let alphabet: [String] = [
        "数据库", "连接", "错误", "系统", "ＣＲＭ", "Ｅ１００１", "VPN", "vpn", "，", "。", "、", "：", "（", "）", "“", "”",
        "《", "》", "【", "】", "—", " ", "\u{3000}", "\n", "\t", "  ", "ａＢｃ", "Ab9", "!", "#", "%", "~",
    ]
    static let outside: [String] = [
        "é", "e\u{301}", "…", "ｶﾞ", "㍿", "①", "ﬁ", "Ⅻ", "ß", "İ", "\u{00A0}", "Ω", "かな", "한국",
    ]

    @Test("normalize equals NFKC, lower case and one space per whitespace run, on generated text", arguments: 0..<4)
    func generated(seed: Int) {
        var random = SeededRandom(seed: UInt64(100 + seed))
        var differences: [String] = []
        for index in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                text += Self.alphabet.randomElement(using: &random)!
                if index % 5 == 0, Int.random(in: 0..<10, using: &random) == 0 {
                    text += Self.outside.randomElement(using: &random)!
                }
            }
            if SearchAnalyzer.normalize(text) != SearchAnalyzer.slowNormalized(text) { differences.append(text) }
        }
        #expect(differences == [])
    }
}
