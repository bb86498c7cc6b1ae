import Foundation

/// A file handed in with a ticket or added to it later (R1.2: screenshots, logs), with its
/// name and type made safe to store and serve back.
public struct AttachmentUpload: Equatable, Sendable {
    public var filename: String
    public var contentType: String
    public var data: Data
    /// The file's words for the search index when it is plain text (a log, a configuration, a
    /// CSV), decoded and cut to ``indexedCharacters``; nil for other files. The use case that
    /// takes the file in decodes it (``AttachmentText``).
    public var text: String?

    /// At most this many files per submission.
    public static let maxFiles = 5

    public init(filename: String, contentType: String, data: Data, text: String? = nil) {
        self.filename = Self.safeFilename(filename)
        self.contentType = Self.safeContentType(contentType)
        self.data = data
        self.text = text
    }

    /// The last path component, without control characters or quotes, at most 200 characters.
    public static func safeFilename(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(
            last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }.map(Character.init))
        return cleaned.isEmpty ? "attachment" : String(cleaned.prefix(200))
    }

    /// A plain `type/subtype`, or `application/octet-stream`.
    public static func safeContentType(_ type: String) -> String {
        let base = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let valid =
            base.count <= 100 && base.contains("/")
            && base.allSatisfy { $0.isLetter || $0.isNumber || "/.+-".contains($0) }
        return valid ? base : "application/octet-stream"
    }
}
