/// How names and labels typed into forms are cleaned before they are stored.
enum TextInput {
    /// Trimmed; nil when empty or longer than `max` characters.
    static func clean(_ text: String, max: Int) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty || value.count > max ? nil : value
    }
}
