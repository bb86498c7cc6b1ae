import Foundation

/// Which attachments the search index reads, and how much of them. A file is plain text when
/// its type says so or, sent as `application/octet-stream` (as browsers and mailers do with
/// `.log` files), its name ends in a text extension; and when its first bytes hold no NUL,
/// which no text in UTF-8 or the Chinese charsets has (UTF-16 is read by its byte-order mark).
public enum AttachmentText {
    /// At most this many characters of one file are indexed: a log of a few megabytes says what
    /// it is about in its first hundred thousand, and each one is kept twice (text and tokens).
    public static let indexedCharacters = 100_000

    static let textTypes: Set<String> = [
        "application/json", "application/xml", "application/x-yaml", "application/yaml", "application/csv",
        "application/x-sh", "application/sql", "application/x-ndjson", "application/javascript",
    ]
    static let textExtensions: Set<String> = [
        "txt", "log", "csv", "tsv", "md", "markdown", "json", "xml", "yaml", "yml", "ini", "conf", "cfg", "config",
        "properties", "sql", "sh", "ps1", "bat", "cmd", "out", "err", "trace", "trc", "dump", "toml", "env", "eml",
    ]
    /// Types that are text but not words: markup and images in disguise.
    static let excludedTypes: Set<String> = ["text/html", "image/svg+xml", "text/rtf"]

    /// Whether a file of this name and type is read for the index, by name and type alone.
    public static func isPlainText(filename: String, contentType: String) -> Bool {
        let type = AttachmentUpload.safeContentType(contentType)
        if excludedTypes.contains(type) { return false }
        if type.hasPrefix("text/") || textTypes.contains(type) { return true }
        guard type == "application/octet-stream" || type == "application/x-log" || type == "binary/octet-stream"
        else { return false }
        let name = filename.lowercased()
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return textExtensions.contains(String(name[name.index(after: dot)...]))
    }

    /// Whether the bytes look like text: no NUL in the first 8 KiB, unless they start with a
    /// UTF-16 byte-order mark.
    public static func looksLikeText(_ data: Data) -> Bool {
        if utf16Encoding(of: data) != nil { return true }
        return !data.prefix(8_192).contains(0)
    }

    /// `.utf16LittleEndian` or `.utf16BigEndian` for bytes starting with that byte-order mark.
    public static func utf16Encoding(of data: Data) -> String.Encoding? {
        guard data.count >= 2 else { return nil }
        let (first, second) = (data[data.startIndex], data[data.startIndex + 1])
        if first == 0xFF, second == 0xFE { return .utf16LittleEndian }
        if first == 0xFE, second == 0xFF { return .utf16BigEndian }
        return nil
    }

    /// Decoded text as the index keeps it: without a byte-order mark or NULs, cut to
    /// ``indexedCharacters``; nil when nothing but white space is left.
    public static func indexed(_ decoded: String) -> String? {
        var text = Substring(decoded)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let cut = String(text.prefix(indexedCharacters)).replacingOccurrences(of: "\u{0}", with: "")
        return cut.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : cut
    }
}
