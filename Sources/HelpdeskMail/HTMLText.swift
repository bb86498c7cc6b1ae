import Foundation

/// An HTML body as plain text, for a mail whose only body is HTML: scripts, styles and the head
/// dropped, block ends as line breaks, tags removed, entities decoded, blank runs collapsed.
public enum HTMLText {
    static let blockTags: Set<String> = [
        "br", "p", "/p", "div", "/div", "tr", "/tr", "li", "/li", "h1", "h2", "h3", "h4", "h5", "h6", "/h1", "/h2",
        "/h3", "/h4", "/h5", "/h6", "table", "/table", "blockquote", "/blockquote", "hr", "ul", "/ul", "ol", "/ol",
    ]
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "middot": "·", "times": "×", "yen": "¥",
    ]

    public static func text(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let inner = html[html.index(after: index)..<close]
                let name = tagName(inner)
                if inner.hasPrefix("!--"), let end = html[index...].range(of: "-->") {
                    index = end.upperBound
                    continue
                }
                if ["script", "style", "head", "title"].contains(name),
                    let end = html[close...].range(of: "</\(name)", options: .caseInsensitive)
                {
                    index = html[end.upperBound...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                    continue
                }
                if blockTags.contains(name) { output += "\n" }
                if name == "td" || name == "th" { output += " " }
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semicolon])
                if let decoded = decodeEntity(entity) {
                    output += decoded
                    index = html.index(after: semicolon)
                    continue
                }
            }
            output.append(character.isNewline ? " " : character)
            index = html.index(after: index)
        }
        return tidy(output)
    }

    static func tagName(_ inner: Substring) -> String {
        var name = ""
        for (offset, character) in inner.enumerated() {
            if offset == 0, character == "/" {
                name.append(character)
            } else if character.isLetter || character.isNumber {
                name.append(character)
            } else {
                break
            }
        }
        return name.lowercased()
    }

    /// `text` with its character references (`&amp;`, `&#58;`, `&#x3A;`) decoded.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"),
                let decoded = decodeEntity(String(after[..<semicolon]))
            {
                output += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                output += "&"
                rest = after
            }
        }
        return output + rest
    }

    static func decodeEntity(_ entity: String) -> String? {
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
            return UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if entity.hasPrefix("#") { return UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
        return entities[entity.lowercased()]
    }

    /// Lines trimmed, runs of spaces made one, at most one empty line in a row.
    static func tidy(_ text: String) -> String {
        var lines = [String]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
            let joined = words.joined(separator: " ")
            if joined.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(joined)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
