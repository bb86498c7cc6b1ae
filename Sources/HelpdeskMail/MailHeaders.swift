import Foundation

/// An RFC 5322 header block: fields in order, unfolded, values kept as raw bytes so 8-bit
/// headers (raw GBK or UTF-8, against the RFC but common) are decoded with the charset guess.
public struct MailHeaders: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var raw: [UInt8]
    }

    public var fields: [Field]

    public init(fields: [Field]) { self.fields = fields }

    /// Parses header lines (CRLF or LF), unfolding continuation lines (RFC 5322 §2.2.3: the line
    /// break goes, the white space stays). An mbox `From ` line and lines without a colon are
    /// skipped.
    public init(parsing bytes: ArraySlice<UInt8>) {
        var fields = [Field]()
        for line in Self.lines(bytes) {
            guard let first = line.first else { continue }
            if first == 0x20 || first == 0x09 {
                if !fields.isEmpty { fields[fields.count - 1].raw += line }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { continue }
            let nameBytes = line[line.startIndex..<colon]
            guard nameBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { continue }
            var value = line[line.index(after: colon)...]
            while let head = value.first, head == 0x20 || head == 0x09 { value = value.dropFirst() }
            fields.append(Field(name: String(decoding: nameBytes, as: UTF8.self), raw: Array(value)))
        }
        self.fields = fields
    }

    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines = [ArraySlice<UInt8>]()
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                var end = index
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(bytes[start..<end])
                start = index + 1
            }
            index += 1
        }
        if start < bytes.endIndex { lines.append(bytes[start..<bytes.endIndex]) }
        return lines
    }

    public func raw(_ name: String) -> [UInt8]? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.raw
    }

    public func all(_ name: String) -> [[UInt8]] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.raw)
    }

    /// The field as text: raw bytes through the charset guess (or `hint`, the message's own
    /// charset), then RFC 2047 encoded words decoded; trimmed.
    public func text(_ name: String, charsetHint: String? = nil) -> String? {
        guard let raw = raw(name) else { return nil }
        return Self.decodeText(raw, charsetHint: charsetHint)
    }

    /// The field's raw bytes as text, without decoding encoded words (for structured fields).
    public func unstructured(_ name: String, charsetHint: String? = nil) -> String? {
        guard let raw = raw(name) else { return nil }
        return MailCharset.decode(raw, label: charsetHint).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func decodeText(_ raw: [UInt8], charsetHint: String?) -> String {
        EncodedWords.decode(MailCharset.decode(raw, label: charsetHint)).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        count == other.count && lowercased() == other.lowercased()
    }
}
