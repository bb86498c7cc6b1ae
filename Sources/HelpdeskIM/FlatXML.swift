/// The children of a flat XML document's root, as WeCom writes its callbacks:
/// `<xml><Name><![CDATA[value]]></Name><Count>3</Count></xml>`. Nested elements keep their
/// inner markup; entities of the five predefined kinds are decoded outside CDATA.
enum FlatXML {
    static func elements(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        guard let rootOpen = text.range(of: "<xml>") else { return out }
        var rest = text[rootOpen.upperBound...]
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            let name = String(rest[afterOpen..<close])
            if name.hasPrefix("/") || name.isEmpty { break }
            let bodyStart = rest.index(after: close)
            guard let end = rest[bodyStart...].range(of: "</\(name)>") else { break }
            out[name] = value(String(rest[bodyStart..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    static func value(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("<![CDATA["), trimmed.hasSuffix("]]>") {
            return String(trimmed.dropFirst(9).dropLast(3))
        }
        return
            raw
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
