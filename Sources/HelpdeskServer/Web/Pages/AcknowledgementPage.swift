/// `submitted.mustache`: the acknowledgement after a submission (R1.5), with the out-of-hours
/// notice (R8.3) and what the request still lacks.
struct AcknowledgementPage: PageModel {
    static let template = "submitted"

    let number: String
    let message: String
    let priority: String
    let responseDue: String
    let outsideHours: String?
    let missing: String?
    let titleLong: String?
    /// Up to three published articles for the request.
    let suggestions: KBSuggestionsSection
}
