extension SearchAnalyzer {
    /// ``normalize(_:)`` without Foundation's NFKC for text made only of ASCII, full-width ASCII
    /// (`ＣＲＭ１２３，`), the common Han block and a few CJK marks, where NFKC maps each scalar
    /// on its own and nothing composes; nil for any other text, which takes the full path. Most
    /// tickets are such text, and NFKC was a tenth of analyzing them.
    static func quickNormalized(_ text: String) -> String? { collapsingWhitespace(text, quickMapping) }

    /// NFKC and lower case of one scalar of the quick set; nil outside it.
    static func quickMapping(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20)
        case 0...0x7F: return scalar
        // Full-width ASCII: NFKC gives the ASCII character (a letter then lower case).
        case 0xFF21...0xFF3A: return Unicode.Scalar(scalar.value - 0xFEE0 + 0x20)
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        // The ideographic space is a space; the Han block and these marks are their own NFKC.
        case 0x3000: return " "
        case 0x4E00...0x9FFF, 0x3001...0x3003, 0x3008...0x3011, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014:
            return scalar
        default: return nil
        }
    }

    /// Unicode's White_Space, with ASCII answered directly.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0...0x7F: return false
        default: return scalar.properties.isWhitespace
        }
    }
}
