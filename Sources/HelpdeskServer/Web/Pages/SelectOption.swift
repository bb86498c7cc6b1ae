/// One `<option>` of a `<select>`.
struct SelectOption: Sendable {
    let value: String
    let label: String
    let selected: Bool
}
