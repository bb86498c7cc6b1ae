/// How names and labels typed into forms are cleaned before they are stored.
enum TextInput {
    /// Trimmed; nil when blank, or when the value as sent has more than `max` Unicode scalars
    /// (what JSON Schema's `maxLength` counts).
    static func clean(_ text: String, max: Int) -> String? {
        guard text.unicodeScalars.count <= max else { return nil }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// An optional label: absent or blank is nil; one that is too long is refused, never dropped.
    static func optional(_ text: String?, max: Int, field: String) throws -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        guard let value = clean(text, max: max) else { throw UseCaseError.invalidValue(field: field) }
        return value
    }
}
