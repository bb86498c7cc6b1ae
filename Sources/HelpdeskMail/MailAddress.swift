import Foundation

/// One mailbox of an address header: display name (decoded) and address (lowercased domain
/// kept as written; matching is the caller's).
public struct MailAddress: Sendable, Equatable, Codable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// `Name <a@b>, "Last, First" <c@d>, e@f (comment), group: g@h;` → mailboxes.
    public static func list(_ raw: [UInt8], charsetHint: String? = nil) -> [MailAddress] {
        let text = MailCharset.decode(raw, label: charsetHint)
        var result = [MailAddress]()
        for var piece in splitTopLevel(text) {
            // A group's name ends at ':'; its end at ';'.
            if let colon = indexOutsideQuotes(of: ":", in: piece),
                !piece.contains("<") || colon < piece.firstIndex(of: "<")!
            {
                piece = String(piece[piece.index(after: colon)...])
            }
            piece = piece.replacingOccurrences(of: ";", with: "")
            if let mailbox = mailbox(piece) { result.append(mailbox) }
        }
        return result
    }

    static func mailbox(_ piece: String) -> MailAddress? {
        let trimmed = piece.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed[open...].firstIndex(of: ">") {
            let address = String(trimmed[trimmed.index(after: open)..<close]).trimmingCharacters(
                in: .whitespacesAndNewlines)
            var name = String(trimmed[..<open]).trimmingCharacters(in: .whitespacesAndNewlines)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            name = EncodedWords.decode(name).trimmingCharacters(in: .whitespacesAndNewlines)
            guard address.contains("@") else { return nil }
            return MailAddress(name: name.isEmpty ? nil : name, address: address)
        }
        // addr (Comment)
        var address = trimmed
        var name: String?
        if let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
            name = EncodedWords.decode(String(trimmed[trimmed.index(after: open)..<close])).trimmingCharacters(
                in: .whitespacesAndNewlines)
            address = (String(trimmed[..<open]) + String(trimmed[trimmed.index(after: close)...])).trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        guard address.contains("@"), !address.contains(" ") else { return nil }
        return MailAddress(name: name?.isEmpty == true ? nil : name, address: address)
    }

    static func splitTopLevel(_ text: String) -> [String] {
        var pieces = [String]()
        var current = ""
        var quoted = false
        var angle = 0
        var comment = 0
        var previous: Character = " "
        for character in text {
            if character == "\"", previous != "\\" { quoted.toggle() }
            if !quoted {
                if character == "<" { angle += 1 }
                if character == ">" { angle = max(0, angle - 1) }
                if character == "(" { comment += 1 }
                if character == ")" { comment = max(0, comment - 1) }
            }
            if character == ",", !quoted, angle == 0, comment == 0 {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        pieces.append(current)
        return pieces
    }

    static func indexOutsideQuotes(of target: Character, in text: String) -> String.Index? {
        var quoted = false
        for index in text.indices {
            if text[index] == "\"" { quoted.toggle() }
            if !quoted, text[index] == target { return index }
        }
        return nil
    }
}
