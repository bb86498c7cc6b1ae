import Foundation

/// A knowledge-base article's Markdown (R6.2) as HTML that goes into the page as it is: all text
/// escaped, no raw HTML (a `<script>` in the source shows as text), links only to `http`, `https`
/// and `mailto`, marked `rel="noopener noreferrer nofollow"` (any other link shows its text only).
///
/// The subset: ATX headings (`#` as `h3`, `##` as `h4`, deeper as `h5`, under the page's own `h1`
/// and `h2`), paragraphs, bulleted lists (`-`, `*`, `+`), numbered lists (`1.` or `1、`), fenced
/// code blocks, block quotes, rules (`---`); inline code, `**strong**`, `*emphasis*` and
/// `_emphasis_`, `[text](url)` and bare `http(s)` URLs; an image, `![text](url)`, is a link to it,
/// so that no page loads one from elsewhere. A marker left open, or a fence never closed, is text.
/// Lists do not nest, and there are no indented code blocks and no backslash escapes: Windows
/// paths (`\\server\share`, `C:\_data`) are common in articles and stay as written.
///
/// Each block's text is read a few times over at most, whatever it holds, so that a pasted log
/// full of `*` and `_` renders as fast as prose.
public enum KBMarkdown {
    /// The article as HTML, one block a line.
    public static func html(_ markdown: String) -> String {
        joined(blocks(of: lines(markdown), html: true), html: true)
    }

    /// The article's text without its markup, for snippets and mail: blocks apart by a blank line,
    /// list items one a line (numbered ones after their number), links as their text. Not escaped.
    public static func plainText(_ markdown: String) -> String {
        joined(blocks(of: lines(markdown), html: false), html: false)
    }

    /// Quotes and inline markup nested deeper than this are text, so that no article exhausts the stack.
    static let maximumDepth = 8

    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    static func joined(_ blocks: [String], html: Bool) -> String {
        html ? blocks.joined(separator: "\n") : blocks.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The blocks of `lines`, each rendered.
    static func blocks(of lines: [Substring], html: Bool, depth: Int = 0) -> [String] {
        func inline(_ text: String) -> String { Inline(text, html: html).render() }
        func element(_ tag: String, _ content: String) -> String { html ? "<\(tag)>\(content)</\(tag)>" : content }
        // The backticks of each line that holds nothing else, and the most of them on a line from each on.
        let backticks = lines.map { line in trimmed(line).allSatisfy { $0 == "`" } ? trimmed(line).count : 0 }
        var most = backticks
        for index in most.indices.dropLast().reversed() { most[index] = max(most[index], most[index + 1]) }
        /// The line closing the fence of three backticks or more opened at `index`: the next line of
        /// as many backticks or more. Nil when the line opens no fence or no line closes it.
        func fenceEnd(_ index: Int) -> Int? {
            let line = trimmed(lines[index])
            let fence = line.prefix { $0 == "`" }.count
            guard fence >= 3, !line.dropFirst(fence).contains("`"), index + 1 < lines.count, most[index + 1] >= fence
            else { return nil }
            return backticks[(index + 1)...].firstIndex { $0 >= fence }
        }
        /// Whether the line at `index` ends a paragraph: it is blank or starts another block.
        func startsBlock(_ index: Int) -> Bool {
            let line = trimmed(lines[index])
            return line.allSatisfy(\.isWhitespace) || heading(line) != nil || isRule(line) || item(line) != nil
                || (depth < maximumDepth && quoted(line) != nil) || fenceEnd(index) != nil
        }
        var blocks: [String] = []
        var index = 0
        while index < lines.count {
            let line = trimmed(lines[index])
            index += 1
            if line.allSatisfy(\.isWhitespace) {
                continue
            } else if let end = fenceEnd(index - 1) {
                let code = lines[index..<end].joined(separator: "\n")
                blocks.append(html ? "<pre><code>\(escape(code))</code></pre>" : code)
                index = end + 1
            } else if let heading = heading(line) {
                blocks.append(element("h\(min(heading.level + 2, 5))", inline(heading.text)))
            } else if isRule(line) {
                blocks.append(html ? "<hr>" : "")
            } else if depth < maximumDepth, let first = quoted(line) {
                var inner = [first]
                while index < lines.count, let content = quoted(trimmed(lines[index])) {
                    inner.append(content)
                    index += 1
                }
                let content = Self.blocks(of: inner, html: html, depth: depth + 1)
                blocks.append(element("blockquote", joined(content, html: html)))
            } else if let first = item(line) {
                // Items of the same kind, blank lines between them or not; other lines continue an item.
                var items = [String(first.text)]
                while let next = lines[index...].firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
                    let line = trimmed(lines[next])
                    if let entry = item(line), (entry.number == nil) == (first.number == nil) {
                        items.append(String(entry.text))
                    } else if next > index || startsBlock(next) {
                        break
                    } else {
                        items[items.count - 1] += "\n" + line
                    }
                    index = next + 1
                }
                let rendered = items.map(inline)
                if html {
                    let tag = first.number == nil ? "ul" : "ol"
                    let start = first.number.map { $0 == 1 ? "" : " start=\"\($0)\"" } ?? ""
                    blocks.append("<\(tag)\(start)>" + rendered.map { "<li>\($0)</li>" }.joined() + "</\(tag)>")
                } else {
                    let numbers = rendered.indices.map { offset in first.number.map { "\($0 + offset). " } ?? "" }
                    blocks.append(zip(numbers, rendered).map { $0 + $1 }.joined(separator: "\n"))
                }
            } else {
                var text = [line]
                while index < lines.count, !startsBlock(index) {
                    text.append(trimmed(lines[index]))
                    index += 1
                }
                blocks.append(element("p", inline(text.joined(separator: "\n"))))
            }
        }
        return blocks
    }

    /// `#` to `######`, then a space.
    static func heading(_ line: Substring) -> (level: Int, text: String)? {
        let level = line.prefix { $0 == "#" }.count
        let rest = line.dropFirst(level)
        guard (1...6).contains(level), rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (level, String(trimmed(rest)))
    }

    /// Three or more `-`, `*` or `_` (the same one), spaces between them or not.
    static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        return marks.count >= 3 && ["-", "*", "_"].contains(marks.first) && marks.allSatisfy { $0 == marks.first }
    }

    /// A quote line's content, after the `>` and one space.
    static func quoted(_ line: Substring) -> Substring? {
        guard line.first == ">" else { return nil }
        let rest = line.dropFirst()
        return rest.first == " " ? rest.dropFirst() : rest
    }

    /// A list item's number (nil for a bullet) and text: `-`, `*` or `+` and a space; or up to
    /// nine digits and `、` or `.`, which Chinese text often writes without the space (`1.打开`,
    /// but `1.5` is a number).
    static func item(_ line: Substring) -> (number: Int?, text: Substring)? {
        guard !isRule(line) else { return nil }
        if let first = line.first, first == "-" || first == "*" || first == "+" {
            let rest = line.dropFirst()
            return rest.first == " " || rest.first == "\t" ? (nil, trimmed(rest)) : nil
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard (1...9).contains(digits.count), let number = Int(digits), let mark = rest.first else { return nil }
        let text = trimmed(rest.dropFirst())
        let spaced = rest.dropFirst().first.map { $0 == " " || $0 == "\t" || !$0.isASCII } ?? false
        guard !text.isEmpty, mark == "、" || (mark == "." && spaced) else { return nil }
        return (number, text)
    }

    /// Without the spaces and tabs at either end; other white space (an ideographic space that
    /// indents a Chinese paragraph) is text.
    static func trimmed(_ line: Substring) -> Substring {
        let start = line.drop { $0 == " " || $0 == "\t" }
        return start.dropLast(start.reversed().prefix { $0 == " " || $0 == "\t" }.count)
    }

    static let entities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// Text for HTML content and quoted attribute values. Scalar by scalar: a `"` that a combining
    /// mark joins into one character still ends an attribute for the browser.
    static func escape(_ text: some StringProtocol) -> String {
        text.unicodeScalars.reduce(into: "") { escaped, scalar in
            if let entity = entities[scalar] { escaped += entity } else { escaped.unicodeScalars.append(scalar) }
        }
    }
}

extension KBMarkdown {
    /// A block's text for its inline markup, with where each `[` and `(` closes and where each
    /// length of backtick run last occurs worked out in one pass.
    struct Inline {
        typealias Text = ArraySlice<Character>

        let text: [Character]
        let html: Bool
        /// The index of the `]` or `)` that closes each `[` or `(`.
        var closing: [Int: Int] = [:]
        /// The index of the last run of backticks of each length.
        var lastRun: [Int: Int] = [:]

        init(_ text: String, html: Bool) {
            self.text = Array(text)
            self.html = html
            var opened: [Character: [Int]] = ["(": [], "[": []]
            var index = 0
            while index < self.text.count {
                let character = self.text[index]
                let length = run(of: "`", in: self.text[...], at: index)
                if length > 0 { lastRun[length] = index }
                if character == "(" || character == "[" { opened[character]?.append(index) }
                if character == ")" || character == "]", let open = opened[character == ")" ? "(" : "["]?.popLast() {
                    closing[open] = index
                }
                index += max(length, 1)
            }
        }

        func render() -> String { render(text[...], depth: 0, links: true) }

        /// `links` is false in a link's text, where no other link may start.
        func render(_ text: Text, depth: Int, links: Bool) -> String {
            var out = ""
            var unclosed: Set<String> = []  // the markers of emphasis that nothing after closes
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                let nests = depth < maximumDepth
                let image = character == "!" && text[index...].dropFirst().first == "["
                if character == "`", let span = codeSpan(text, at: index) {
                    out += html ? "<code>\(escape(String(span.code)))</code>" : String(span.code)
                    index = span.end
                } else if character == "`" {
                    // Backticks that nothing closes are text, all of them.
                    let fence = run(of: "`", in: text, at: index)
                    out += String(repeating: "`", count: fence)
                    index += fence
                } else if character == "*" || character == "_", nests,
                    let span = emphasis(text, at: index, unclosed: &unclosed)
                {
                    let inner = render(span.inner, depth: depth + 1, links: links)
                    let tag = span.strong ? "strong" : "em"
                    out += html ? "<\(tag)>\(inner)</\(tag)>" : inner
                    index = span.end
                } else if character == "[" || image, links, nests, let link = link(text, at: image ? index + 1 : index)
                {
                    let label = render(link.label, depth: depth + 1, links: false)
                    let allowed = ["http://", "https://", "mailto:"].contains(where: link.url.lowercased().hasPrefix)
                    out += html && allowed ? anchor(link.url, label) : label
                    index = link.end
                } else if links, character == "h" || character == "H", let end = bareURL(text, at: index) {
                    let url = String(text[index..<end])
                    out += html ? anchor(url, escape(url)) : url
                    index = end
                } else {
                    out += html ? escape(String(character)) : String(character)
                    index += 1
                }
            }
            return out
        }

        func anchor(_ url: String, _ label: String) -> String {
            "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(label)</a>"
        }

        /// The code of the span whose backticks start at `start`, up to as many backticks, and
        /// where it ends; a space inside each end is dropped, so that `` ` `` ` `` `` can show one.
        func codeSpan(_ text: Text, at start: Int) -> (code: Text, end: Int)? {
            let fence = run(of: "`", in: text, at: start)
            guard let last = lastRun[fence], last > start else { return nil }
            var index = start + fence
            while index < text.endIndex {
                let length = run(of: "`", in: text, at: index)
                if length == fence {
                    let code = text[(start + fence)..<index]
                    let padded = code.first == " " && code.last == " " && code.contains { $0 != " " }
                    return (padded ? code.dropFirst().dropLast() : code, index + length)
                }
                index += max(length, 1)
            }
            return nil
        }

        /// The strong (`**`) or emphasized (`*`, `_`) span opening at `start`, up to the first closing
        /// marker: an opening one before text, a closing one after it. Stars may be inside a word; an
        /// underscore may not, nor touch another or a path's `\` or `/`, so that `snake_case`,
        /// `__init__` and `C:\_data\_old_` stay as they are. Code spans inside are skipped. A marker
        /// that finds no closing one goes into `unclosed`, and the same marker later is text at once.
        func emphasis(_ text: Text, at start: Int, unclosed: inout Set<String>) -> (
            inner: Text, end: Int, strong: Bool
        )? {
            func joins(_ next: Character) -> Bool { next.isLetter || next.isNumber || "_\\/".contains(next) }
            let mark = text[start]
            let strong = mark == "*" && text[start...].dropFirst().first == "*"
            let open = start + (strong ? 2 : 1)
            let marker = strong ? "**" : String(mark)
            guard open < text.endIndex, !text[open].isWhitespace, !unclosed.contains(marker) else { return nil }
            if mark == "_", text[open] == "_" || (start > text.startIndex && joins(text[start - 1])) { return nil }
            var index = start + run(of: mark, in: text, at: start)
            while index < text.endIndex {
                if text[index] == "`" {
                    index = codeSpan(text, at: index)?.end ?? index + run(of: "`", in: text, at: index)
                    continue
                }
                let after = index + run(of: mark, in: text, at: index)
                let closes = after > index && !text[index - 1].isWhitespace
                if closes, mark == "_", after == index + 1, after == text.endIndex || !joins(text[after]) {
                    return (text[open..<index], after, false)
                } else if closes, strong, after - index >= 2, after - 2 > open {
                    // The last two stars of a longer run close, so that `**a *b***` nests.
                    return (text[open..<(after - 2)], after, true)
                } else if closes, mark == "*", !strong, (after - index) % 2 == 1 {
                    // A pair of stars inside is a strong span's; the last of three ends this one.
                    return (text[open..<(after - 1)], after, false)
                }
                index = max(after, index + 1)
            }
            unclosed.insert(marker)
            return nil
        }

        /// The `[text](url)` at `start`: the text up to the `]` that balances the `[`, the URL up to
        /// the `)` that balances the `(` (as in `…/wiki/Foo_(bar)`), with no space inside.
        func link(_ text: Text, at start: Int) -> (label: Text, url: String, end: Int)? {
            guard let close = closing[start], close + 1 < text.endIndex, text[close + 1] == "(",
                let end = closing[close + 1], end < text.endIndex
            else { return nil }
            let url = String(text[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
            return url.contains(where: \.isWhitespace) ? nil : (text[(start + 1)..<close], url, end + 1)
        }

        /// The end of a bare `http://` or `https://` URL at `start` that no word runs into: up to white
        /// space, a non-ASCII character (Chinese text often follows with no space) or `<`, `>`, `"`,
        /// `` ` ``; without the punctuation that ends a sentence, or a `)` it did not open.
        func bareURL(_ text: Text, at start: Int) -> Int? {
            let scheme = String(text[start...].prefix(8)).lowercased()
            let before = start > text.startIndex ? text[start - 1] : " "
            guard scheme.hasPrefix("http://") || scheme == "https://",
                !(before.isASCII && (before.isLetter || before.isNumber))
            else { return nil }
            var end =
                text[start...].firstIndex { ($0.asciiValue ?? 0) <= 32 || "\u{7F}<>\"`".contains($0) } ?? text.endIndex
            var open = text[start..<end].reduce(0) { $0 + ($1 == "(" ? 1 : $1 == ")" ? -1 : 0) }
            while end > start, text[end - 1] == ")" && open < 0 || ".,:;!?'*_".contains(text[end - 1]) {
                open += text[end - 1] == ")" ? 1 : 0
                end -= 1
            }
            return end - start > (scheme == "https://" ? 8 : 7) ? end : nil
        }
    }

    static func run(of mark: Character, in text: ArraySlice<Character>, at start: Int) -> Int {
        text[start...].prefix { $0 == mark }.count
    }
}
