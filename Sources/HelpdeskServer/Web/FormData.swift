import Foundation

/// Fields of a submitted form, `application/x-www-form-urlencoded` or `multipart/form-data`.
struct FormData: Sendable {
    var fields: [String: [String]] = [:]
    var files: [UploadedFile] = []

    subscript(_ name: String) -> String? {
        fields[name]?.first
    }

    /// The field trimmed, or nil when empty.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    func all(_ name: String) -> [String] { fields[name] ?? [] }

    func int(_ name: String) -> Int64? { text(name).flatMap { Int64($0) } }

    mutating func append(_ name: String, _ value: String) {
        fields[name, default: []].append(value)
    }

    /// Parses `a=1&b=%E4%B8%AD+x`.
    static func urlEncoded(_ body: String) -> FormData {
        var form = FormData()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            form.append(decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }
}

/// A file from a multipart form.
struct UploadedFile: Sendable {
    let field: String
    let filename: String
    let contentType: String
    let data: Data
}
