/// The reply-template picker above the work-log form (R8.1): a GET form that shows the ticket
/// page again with the chosen template filled in for this ticket, so it works without
/// JavaScript.
struct ReplyPickerSection: Sendable {
    let templates: [SelectOption]
    let languages: [SelectOption]
    /// Which template was filled in, and that it should be checked before sending; nil when none.
    let filled: String?
}
