import Foundation

/// An HTML mail body reduced to a safe subset for display (issue #11): a list of allowed
/// elements with a few allowed attributes each; links only to `http`, `https` and `mailto`;
/// images only from the mail itself (`cid:`), which the caller maps to the ticket's files, so a
/// remote image (a tracking pixel) is never loaded; scripts, styles, forms, frames, comments and
/// every event handler and `style` dropped; elements left open are closed. The output is
/// well-formed, its text escaped.
public enum HTMLSanitizer {
    static let allowed: Set<String> = [
        "a", "b", "strong", "i", "em", "u", "s", "p", "br", "div", "span", "ul", "ol", "li", "blockquote", "pre",
        "code", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "hr", "img",
        "font", "small", "sub", "sup", "caption",
    ]
    static let void: Set<String> = ["br", "hr", "img"]
    /// Elements dropped with everything inside them.
    static let dropped: Set<String> = [
        "script", "style", "head", "title", "iframe", "object", "embed", "form", "textarea", "select", "template",
        "svg", "math", "noscript", "button", "input",
    ]

    /// `image` maps a `cid:` reference (without the scheme) to the URL it is shown from, or nil
    /// to leave the image out (its `alt` text stays).
    public static func sanitize(_ html: String, image: (String) -> String?) -> String {
        var output = ""
        var open: [String] = []
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            output += escapeText(rest[..<lt])
            rest = rest[lt...]
            // A `<` that starts no tag ("1 < 2") is text.
            let next = rest.dropFirst().first
            guard let next, next.isLetter || next == "/" || next == "!" || next == "?" else {
                output += "&lt;"
                rest = rest.dropFirst()
                continue
            }
            if rest.hasPrefix("<!--") {
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let gt = tagEnd(rest) else {
                output += escapeText(rest)
                rest = ""
                break
            }
            let inner = rest[rest.index(after: rest.startIndex)..<gt]
            rest = rest[rest.index(after: gt)...]
            let closing = inner.hasPrefix("/")
            let name = tagName(closing ? inner.dropFirst() : inner)
            if name.isEmpty || inner.hasPrefix("!") || inner.hasPrefix("?") { continue }
            if !closing, dropped.contains(name) {
                // Skip to the element's end (or everything, when it never ends).
                rest =
                    rest.range(of: "</\(name)", options: .caseInsensitive).map { range in
                        let after = rest[range.upperBound...]
                        return after.firstIndex(of: ">").map { after[after.index(after: $0)...] } ?? ""
                    } ?? ""
                continue
            }
            guard allowed.contains(name) else { continue }
            if closing {
                guard let index = open.lastIndex(of: name) else { continue }
                for element in open[index...].reversed() { output += "</\(element)>" }
                open.removeSubrange(index...)
                continue
            }
            var attributes = ""
            for (key, value) in Self.attributes(inner.dropFirst(name.count)) {
                if let kept = keep(name, key, value, image: image) {
                    attributes += " \(key)=\"\(escapeAttribute(kept))\""
                }
            }
            if name == "img", !attributes.contains(" src=") {
                // An image from outside the mail: its words instead.
                let alt = Self.attributes(inner.dropFirst(name.count)).first { $0.0 == "alt" }?.1 ?? ""
                output += escapeAttribute(alt)
                continue
            }
            if name == "a", attributes.contains(" href=") { attributes += " rel=\"noopener noreferrer nofollow\"" }
            output += "<\(name)\(attributes)>"
            if !void.contains(name) { open.append(name) }
        }
        output += escapeText(rest)
        for element in open.reversed() { output += "</\(element)>" }
        return output
    }

    /// The attribute kept on an allowed element, or nil.
    static func keep(_ element: String, _ key: String, _ value: String, image: (String) -> String?) -> String? {
        switch (element, key) {
        case ("a", "href"):
            let scheme = value.trimmingCharacters(in: .whitespaces).lowercased()
            return ["http://", "https://", "mailto:"].contains(where: scheme.hasPrefix) ? value : nil
        case ("img", "src"):
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix("cid:") else { return nil }
            return image(String(trimmed.dropFirst(4)))
        case ("img", "alt"), ("a", "title"), ("td", "colspan"), ("td", "rowspan"), ("th", "colspan"),
            ("th", "rowspan"):
            return value
        case ("img", "width"), ("img", "height"):
            return value.allSatisfy(\.isNumber) && !value.isEmpty ? value : nil
        default:
            return nil
        }
    }

    static func tagName(_ inner: Substring) -> String {
        String(inner.prefix { $0.isLetter || $0.isNumber }).lowercased()
    }

    /// The `>` that ends the tag starting at `text`, outside quoted attribute values.
    static func tagEnd(_ text: Substring) -> Substring.Index? {
        var quote: Character?
        for index in text.indices.dropFirst() {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return index
            }
        }
        return nil
    }

    /// Name–value pairs of a tag's attributes, names lower-cased, entities in values decoded.
    static func attributes(_ text: Substring) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            let name = String(rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }).lowercased()
            guard !name.isEmpty else { break }
            rest = rest.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop(while: \.isWhitespace)
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst()
                    let end = body.firstIndex(of: quote) ?? body.endIndex
                    value = String(body[..<end])
                    rest = end < body.endIndex ? body[body.index(after: end)...] : ""
                } else {
                    value = String(rest.prefix { !$0.isWhitespace })
                    rest = rest.dropFirst(value.count)
                }
            }
            pairs.append((name, HTMLText.decodeEntities(value)))
        }
        return pairs
    }

    /// Text as it stands between tags: character references kept, a bare `&`, `<` and `>` escaped.
    static func escapeText(_ text: Substring) -> String {
        func angles(_ part: Substring) -> String {
            part.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += angles(rest[..<amp])
            let after = rest[rest.index(after: amp)...]
            let reference = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            if !reference.isEmpty, reference.count <= 10, after.dropFirst(reference.count).first == ";" {
                out += "&" + reference + ";"
                rest = after.dropFirst(reference.count + 1)
            } else {
                out += "&amp;"
                rest = after
            }
        }
        return out + angles(rest)
    }

    static func escapeAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
