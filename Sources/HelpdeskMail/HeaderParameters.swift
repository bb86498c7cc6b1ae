import Foundation

/// A structured MIME header value (`Content-Type`, `Content-Disposition`): the value before the
/// first `;` and its parameters, with RFC 2231 (`name*=charset'lang'%XX`, continuations
/// `name*0*=`, `name*1=`) and the RFC 2047 words Outlook puts in quoted names.
public struct HeaderParameters: Sendable, Equatable {
    public var value: String
    public var parameters: [String: String]

    public init(value: String, parameters: [String: String]) {
        self.value = value
        self.parameters = parameters
    }

    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    public init(parsing raw: [UInt8], charsetHint: String? = nil) {
        var pieces = Self.split(raw)
        let head = pieces.isEmpty ? [] : pieces.removeFirst()
        value = String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var plain = [String: [UInt8]]()
        // name → [(section, extended, bytes)]
        var sections = [String: [(Int, Bool, [UInt8])]]()
        for piece in pieces {
            guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { continue }
            var name = String(decoding: piece[..<equals], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                .lowercased()
            let rawValue = Self.unquote(Array(piece[(equals + 1)...]))
            guard !name.isEmpty else { continue }
            var extended = false
            if name.hasSuffix("*") {
                extended = true
                name.removeLast()
            }
            if let star = name.lastIndex(of: "*"), let section = Int(name[name.index(after: star)...]) {
                sections[String(name[..<star]), default: []].append((section, extended, rawValue))
            } else if extended {
                sections[name, default: []].append((0, true, rawValue))
            } else {
                plain[name] = rawValue
            }
        }
        var parameters = [String: String]()
        for (name, bytes) in plain {
            parameters[name] = HeaderParameters.decodePlain(bytes, charsetHint: charsetHint)
        }
        for (name, parts) in sections {
            parameters[name] = Self.joinSections(parts.sorted { $0.0 < $1.0 }, charsetHint: charsetHint)
        }
        self.parameters = parameters
    }

    static func decodePlain(_ bytes: [UInt8], charsetHint: String?) -> String {
        EncodedWords.decode(MailCharset.decode(bytes, label: charsetHint))
    }

    /// RFC 2231 §3–4: the first extended section carries `charset'language'`; extended sections
    /// are percent-encoded; all sections' bytes are joined before the charset is applied.
    static func joinSections(_ parts: [(Int, Bool, [UInt8])], charsetHint: String?) -> String {
        var charset: String?
        var bytes = [UInt8]()
        for (position, part) in parts.enumerated() {
            var payload = part.2[...]
            if part.1, position == 0 {
                let quote = UInt8(ascii: "'")
                if let first = payload.firstIndex(of: quote),
                    let second = payload[(first + 1)...].firstIndex(of: quote)
                {
                    let name = String(decoding: payload[..<first], as: UTF8.self)
                    charset = name.isEmpty ? nil : name
                    payload = payload[(second + 1)...]
                }
            }
            bytes += part.1 ? percentDecode(payload) : Array(payload)
        }
        let text = MailCharset.decode(bytes, label: charset ?? charsetHint)
        return charset == nil ? EncodedWords.decode(text) : text
    }

    static func percentDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output = [UInt8]()
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = TransferEncoding.hex(bytes[index + 1]), let low = TransferEncoding.hex(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Splits on `;` outside quoted strings.
    static func split(_ raw: [UInt8]) -> [[UInt8]] {
        var pieces = [[UInt8]]()
        var current = [UInt8]()
        var quoted = false
        var escaped = false
        for byte in raw {
            if escaped {
                current.append(byte)
                escaped = false
                continue
            }
            if quoted, byte == UInt8(ascii: "\\") {
                current.append(byte)
                escaped = true
                continue
            }
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: ";"), !quoted {
                pieces.append(current)
                current = []
                continue
            }
            current.append(byte)
        }
        pieces.append(current)
        return pieces
    }

    /// Trims white space and removes the quotes and backslash escapes of a quoted string.
    static func unquote(_ raw: [UInt8]) -> [UInt8] {
        var bytes = raw[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0D || first == 0x0A {
            bytes = bytes.dropFirst()
        }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A {
            bytes = bytes.dropLast()
        }
        guard bytes.first == UInt8(ascii: "\"") else { return Array(bytes) }
        bytes = bytes.dropFirst()
        if bytes.last == UInt8(ascii: "\"") { bytes = bytes.dropLast() }
        var output = [UInt8]()
        var escaped = false
        for byte in bytes {
            if !escaped, byte == UInt8(ascii: "\\") {
                escaped = true
                continue
            }
            escaped = false
            output.append(byte)
        }
        return output
    }
}
