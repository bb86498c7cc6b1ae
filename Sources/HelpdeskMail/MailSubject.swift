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

    /// The ticket number in a `[#number]` tag, if the subject has one.
    public static func ticketNumber(in subject: String) -> String? {
        var search = subject.startIndex
        while let open = subject[search...].range(of: "[#") {
            guard let close = subject[open.upperBound...].firstIndex(of: "]") else { return nil }
            let number = subject[open.upperBound..<close]
            if !number.isEmpty, number.count <= 64,
                number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            {
                return String(number)
            }
            search = close
        }
        return nil
    }

    /// The subject of a reply on the channel: `Re: [#number] subject`, the tag added once.
    public static func reply(to subject: String, number: String) -> String {
        let base = stripped(subject)
        let tagged = ticketNumber(in: base) == number ? base : "[#\(number)] \(base)"
        return "Re: \(tagged)".trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
