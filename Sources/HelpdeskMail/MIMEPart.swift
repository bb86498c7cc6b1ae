import Foundation

/// One node of a message's MIME tree: its headers, its content type and, for a multipart, its
/// children; for a leaf, its body decoded from the transfer encoding (bytes, charset not applied).
public struct MIMEPart: Sendable {
    public var headers: MailHeaders
    public var contentType: HeaderParameters
    public var children: [MIMEPart]
    public var body: [UInt8]

    public var isMultipart: Bool { contentType.value.hasPrefix("multipart/") }

    /// Parses a part (headers, empty line, body). Nesting deeper than `maxDepth` is an error: a
    /// message built to exhaust the parser goes to quarantine.
    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, charsetHint: String?, defaultType: String = "text/plain")
        throws(MailParseError) -> MIMEPart
    {
        guard depth <= maxDepth else { throw .tooDeeplyNested }
        let (headerBytes, bodyBytes) = splitHeaderAndBody(bytes)
        let headers = MailHeaders(parsing: headerBytes)
        var contentType = HeaderParameters(parsing: headers.raw("Content-Type") ?? [], charsetHint: charsetHint)
        if contentType.value.isEmpty || !contentType.value.contains("/") {
            contentType.value = defaultType
        }
        if contentType.value.hasPrefix("multipart/"), let boundary = contentType["boundary"], !boundary.isEmpty {
            let childDefault = contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain"
            var children = [MIMEPart]()
            for section in split(bodyBytes, boundary: Array(boundary.utf8)) {
                children.append(
                    try parse(section, depth: depth + 1, charsetHint: charsetHint, defaultType: childDefault))
            }
            return MIMEPart(headers: headers, contentType: contentType, children: children, body: [])
        }
        if contentType.value.hasPrefix("multipart/") { contentType.value = "text/plain" }
        let encoding = headers.raw("Content-Transfer-Encoding").map { String(decoding: $0, as: UTF8.self) }
        return MIMEPart(
            headers: headers, contentType: contentType, children: [],
            body: TransferEncoding.decode(Array(bodyBytes), encoding: encoding))
    }

    static let maxDepth = 32

    /// Headers end at the first empty line (CRLF CRLF or LF LF); a part with no empty line and
    /// no header-looking first line is all body.
    static func splitHeaderAndBody(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        // A part may start with its empty line (no headers at all).
        if bytes.first == 0x0A { return (bytes[index..<index], bytes.dropFirst()) }
        if bytes.starts(with: [0x0D, 0x0A]) { return (bytes[index..<index], bytes.dropFirst(2)) }
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                let next = index + 1
                if next < bytes.endIndex, bytes[next] == 0x0A { return (bytes[..<index], bytes[(next + 1)...]) }
                if next + 1 < bytes.endIndex, bytes[next] == 0x0D, bytes[next + 1] == 0x0A {
                    return (bytes[..<index], bytes[(next + 2)...])
                }
            }
            index += 1
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    /// The body parts between `--boundary` lines (RFC 2046 §5.1.1): preamble and epilogue
    /// dropped, the line break before a delimiter belonging to it, a missing close delimiter
    /// tolerated (the last part runs to the end).
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        var parts = [ArraySlice<UInt8>]()
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var lineEnd = lineStart
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            let line = body[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let closing = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let padding = closing ? rest.dropFirst(2) : rest
                if padding.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        // The CRLF (or LF) before the delimiter is the delimiter's.
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if closing { return parts }
                    partStart = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }
}
