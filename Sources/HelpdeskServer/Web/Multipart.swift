import Foundation

/// A small `multipart/form-data` parser (RFC 7578) for the web forms that carry attachments.
enum Multipart {
    enum ParseError: Error, Equatable {
        case missingBoundary
        case malformed
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws(ParseError) -> FormData {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard var position = find(delimiter, in: body, from: 0) else { throw .missingBoundary }
        position += delimiter.count
        var form = FormData()
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") {
                return form
            }
            guard body.count >= position + 2, body[position] == 13, body[position + 1] == 10 else { throw .malformed }
            let start = position + 2
            guard let end = find(separator, in: body, from: start),
                let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: start), headerEnd <= end
            else { throw .malformed }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<end])
            try add(headers: headers, content: content, to: &form)
            position = end + separator.count
        }
    }

    private static func add(headers: String, content: [UInt8], to form: inout FormData) throws(ParseError) {
        var name: String?
        var filename: String?
        var contentType = "application/octet-stream"
        for line in headers.components(separatedBy: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            } else if lower.hasPrefix("content-type:") {
                contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let name else { throw .malformed }
        if let filename {
            // An empty file input still sends a part with an empty filename.
            guard !filename.isEmpty else { return }
            form.files.append(UploadedFile(field: name, filename: filename, contentType: contentType, data: Data(content)))
        } else {
            form.append(name, String(decoding: content, as: UTF8.self))
        }
    }

    /// `name="value"` from a header line; browsers send UTF-8 file names as they are.
    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
