/// How names and labels typed into forms are cleaned before they are stored.
enum TextInput {
    /// Trimmed; nil when blank, or when the value as sent has more than `max` Unicode scalars
    /// (what JSON Schema's `maxLength` counts).
    static func clean(_ text: String, max: Int) -> String? {
        guard text.unicodeScalars.count <= max else { return nil }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
