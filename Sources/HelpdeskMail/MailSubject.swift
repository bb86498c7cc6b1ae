import Foundation

/// Subject rules for threading and replies.
public enum MailSubject {
    /// Reply and forward prefixes, ASCII or full-width colon, repeated: `Re:`, `RE：`, `回复：`,
    /// `答复:`, `转发：`, `Fwd:`, `Fw:`, `AW:`, `WG:`, `Re[2]:`.
    public static func stripped(_ subject: String) -> String {
        var text = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let prefixes = ["re", "fwd", "fw", "aw", "wg", "sv", "回复", "答复", "转发", "回覆", "轉寄"]
        while true {
            let lowered = text.lowercased()
            guard let prefix = prefixes.first(where: { lowered.hasPrefix($0) }) else { break }
            var rest = lowered.dropFirst(prefix.count)
            if rest.first == "[", let close = rest.firstIndex(of: "]"),
                rest[rest.index(after: rest.startIndex)..<close].allSatisfy(\.isNumber)
            {
                rest = rest[rest.index(after: close)...]
            }
            rest = rest.drop { $0 == " " }
            guard let colon = rest.first, colon == ":" || colon == "：" else { break }
            text = String(text.dropFirst(text.count - rest.count + 1)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    /// The ticket number in a `[TS20261202001]` or `[#TS20261202001]` tag, if the subject has
    /// one: letters, digits, `-` and `_`, with at least one digit (so `[External]` is no tag).
    public static func ticketNumber(in subject: String) -> String? {
        var search = subject.startIndex
        while let open = subject[search...].firstIndex(of: "[") {
            guard let close = subject[open...].firstIndex(of: "]") else { return nil }
            var number = subject[subject.index(after: open)..<close]
            if number.first == "#" { number = number.dropFirst() }
            if !number.isEmpty, number.count <= 64, number.contains(where: \.isNumber),
                number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            {
                return String(number)
            }
            search = subject.index(after: open)
        }
        return nil
    }

    /// The subject of the desk's mail about a ticket: `[number] subject`, the tag added once
    /// (replies keep the conversation's subject; `Re:` is the mail client's business).
    public static func tagged(_ subject: String, number: String) -> String {
        let base = stripped(subject)
        guard ticketNumber(in: base) != number else { return base }
        return "[\(number)] \(base)".trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
