import Foundation
import MultipartKit

/// `multipart/form-data` bodies (RFC 7578) of the web forms that carry attachments, read with
/// multipart-kit's parser into the web layer's ``FormData``.
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
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws(ParseError) -> FormData {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var content = ByteBuffer()
        // A part whose headers or content arrived but no delimiter followed: the body was cut short.
        var open = false
        parser.onHeader = { name, value in
            headers.add(name: name, value: value)
            open = true
        }
        parser.onBody = { chunk in
            content.writeBuffer(&chunk)
            open = true
        }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: content))
            headers = HTTPHeaders()
            content = ByteBuffer()
            open = false
        }
        do { try parser.execute(body) } catch { throw .malformed }
        if parts.isEmpty, !open { throw .missingBoundary }
        // The parser stops quietly wherever the bytes end; only the close delimiter says the body is whole.
        guard !open, body.firstRange(of: Array("\r\n--\(boundary)--".utf8)) != nil else { throw .malformed }
        var form = FormData()
        for part in parts { try add(part, to: &form) }
        return form
    }

    private static func add(_ part: MultipartPart, to form: inout FormData) throws(ParseError) {
        guard let disposition = part.headers.first(name: "Content-Disposition"),
            let name = parameter("name", in: disposition)
        else { throw .malformed }
        let bytes = part.body.readableBytesView
        if let filename = parameter("filename", in: disposition) {
            // An empty file input still sends a part with an empty filename.
            guard !filename.isEmpty else { return }
            let contentType = part.headers.first(name: "Content-Type") ?? "application/octet-stream"
            form.files.append(
                UploadedFile(field: name, filename: filename, contentType: contentType, data: Data(bytes)))
        } else {
            form.append(name, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// `name="value"` from a `Content-Disposition` value; browsers send UTF-8 file names as they are.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }
}
