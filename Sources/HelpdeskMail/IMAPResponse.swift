import Foundation

/// One IMAP server response (RFC 3501 §7): its line, or lines joined where a literal
/// (`{n}` then n raw bytes) sits inside it, and the literals' bytes in order. The text keeps
/// each literal's `{n}` marker in its place, so a FETCH item can be matched to its body.
public struct IMAPResponse: Sendable, Equatable {
    public var text: String
    public var literals: [[UInt8]]

    public init(text: String, literals: [[UInt8]] = []) {
        self.text = text
        self.literals = literals
    }

    /// `*` for untagged data, `+` for a continuation request, else the command's tag.
    public var tag: Substring { text.prefix { $0 != " " } }

    /// The status word of a tagged or untagged status response: OK, NO, BAD, BYE, PREAUTH.
    public var status: Substring {
        text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).dropFirst().first ?? ""
    }

    /// The numbers of `* SEARCH 3 5 8` (UID SEARCH answers with UIDs).
    public var searchResults: [UInt32]? {
        let words = text.split(separator: " ")
        guard words.count >= 2, words[0] == "*", words[1].uppercased() == "SEARCH" else { return nil }
        return words.dropFirst(2).compactMap { UInt32($0) }
    }

    /// The UID of `* 4 FETCH (UID 17 …)`.
    public var fetchUID: UInt32? {
        let words = text.split(separator: " ")
        guard words.count >= 3, words[0] == "*", words[2].uppercased() == "FETCH" else { return nil }
        let upper = text.uppercased()
        guard let range = upper.range(of: "UID ", range: upper.index(upper.startIndex, offsetBy: 2)..<upper.endIndex)
        else { return nil }
        return UInt32(upper[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }

    /// The capability words of `* CAPABILITY …` or of an `[CAPABILITY …]` response code.
    public var capabilities: Set<String>? {
        let upper = text.uppercased()
        if upper.hasPrefix("* CAPABILITY ") {
            return Set(upper.dropFirst("* CAPABILITY ".count).split(separator: " ").map(String.init))
        }
        guard let start = upper.range(of: "[CAPABILITY "), let end = upper[start.upperBound...].firstIndex(of: "]")
        else { return nil }
        return Set(upper[start.upperBound..<end].split(separator: " ").map(String.init))
    }
}

public struct IMAPProtocolError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Cuts the bytes a server sends into responses, literals included, as they arrive.
public struct IMAPResponseBuffer: Sendable {
    /// A literal larger than this ends the connection: no message a desk takes is bigger.
    public let maxLiteral: Int
    private var bytes: [UInt8] = []

    public init(maxLiteral: Int = 64 << 20) {
        self.maxLiteral = maxLiteral
    }

    public mutating func append(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// The next whole response, or nil until more bytes arrive.
    public mutating func next() throws -> IMAPResponse? {
        var position = 0
        var text = ""
        var literals: [[UInt8]] = []
        while true {
            guard let end = Self.lineEnd(in: bytes, from: position) else { return nil }
            let line = bytes[position..<end]
            if let size = try literalSize(ending: line) {
                let start = end + 2
                guard bytes.count >= start + size else { return nil }
                text += String(decoding: line, as: UTF8.self)
                literals.append(Array(bytes[start..<start + size]))
                position = start + size
                continue
            }
            text += String(decoding: line, as: UTF8.self)
            bytes.removeFirst(end + 2)
            return IMAPResponse(text: text, literals: literals)
        }
    }

    static func lineEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// n when the line ends with `{n}` (or the non-synchronising `{n+}`).
    func literalSize(ending line: ArraySlice<UInt8>) throws -> Int? {
        guard line.last == UInt8(ascii: "}") else { return nil }
        var index = line.endIndex - 2
        if index >= line.startIndex, line[index] == UInt8(ascii: "+") { index -= 1 }
        var digits: [UInt8] = []
        while index >= line.startIndex, (48...57).contains(line[index]) {
            digits.insert(line[index], at: 0)
            index -= 1
        }
        guard !digits.isEmpty, index >= line.startIndex, line[index] == UInt8(ascii: "{") else { return nil }
        guard digits.count <= 12, let size = Int(String(decoding: digits, as: UTF8.self)), size <= maxLiteral else {
            throw IMAPProtocolError("literal over \(maxLiteral) bytes")
        }
        return size
    }
}
