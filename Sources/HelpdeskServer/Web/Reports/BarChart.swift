import Foundation

/// A horizontal bar chart drawn on the server as SVG (issue #13): no script, no CDN, readable
/// without JavaScript, with a `<title>` and each bar's value written out for screen readers.
struct BarChart: Sendable {
    struct Bar: Sendable {
        let label: String
        let value: Int
        /// The tickets the bar counts, where there is such a list.
        var href: String?
    }

    let id: String
    let title: String
    let bars: [Bar]

    static let width = 520
    static let labelWidth = 160
    static let barHeight = 22
    static let gap = 6

    /// The SVG markup; every text in it is escaped.
    var svg: String {
        let height = max(1, bars.count) * (Self.barHeight + Self.gap) + Self.gap
        let most = max(1, bars.map(\.value).max() ?? 1)
        let room = Self.width - Self.labelWidth - 60
        // A picture whose bars are links is a group of links, not an image: an image's parts are
        // hidden from assistive technology, and axe refuses controls nested in one.
        let role = bars.contains { $0.href != nil } ? "group" : "img"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="\(Self.escape(id))" role="\(role)" \
            aria-labelledby="\(Self.escape(id))-title" viewBox="0 0 \(Self.width) \(height)" \
            width="\(Self.width)" height="\(height)"><title id="\(Self.escape(id))-title">\(Self.escape(title))</title>
            """
        for (index, bar) in bars.enumerated() {
            let y = Self.gap + index * (Self.barHeight + Self.gap)
            let length = bar.value == 0 ? 0 : max(2, bar.value * room / most)
            let middle = y + Self.barHeight / 2 + 5
            let link = bar.href.map { "<a href=\"\(Self.escape($0))\">" }
            out += """
                \(link ?? "")<g><text x="\(Self.labelWidth - 8)" y="\(middle)" text-anchor="end">\(Self.escape(bar.label))</text>\
                <rect x="\(Self.labelWidth)" y="\(y)" width="\(length)" height="\(Self.barHeight)" class="bar"/>\
                <text x="\(Self.labelWidth + length + 6)" y="\(middle)">\(bar.value)</text></g>\(link == nil ? "" : "</a>")
                """
        }
        return out + "</svg>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
