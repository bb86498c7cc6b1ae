/// One `<option>` of a `<select>`.
struct SelectOption: Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// The option's language when it differs from the page's, e.g. a language's own name (WCAG 3.1.2).
    var lang: String?
}
