/// `new.mustache`: the submit form of one ticket type (R1.3), for staff with the on-behalf
/// fields (R1.1); after a refused submission, the posted values and the error.
struct NewTicketPage: PageModel {
    static let template = "new"

    /// A tab per ticket type.
    struct TypeTab: Sendable {
        let value: String
        let label: String
        let current: Bool
    }

    /// A type-specific detail field.
    struct DetailField: Sendable {
        let key: String
        let label: String
        let value: String
    }

    let types: [TypeTab]
    let type: String
    let typeLabel: String
    let details: [DetailField]
    let categories: [SelectOption]
    let impacts: [SelectOption]
    let urgencies: [SelectOption]
    /// The posted fields, first value of each (`{{values.title}}`).
    let values: [String: String]
    let contact: String
    let maxMB: Int
    let onBehalf: Bool
    let channels: [SelectOption]
    let error: String?
    /// Published articles for what was typed (R6.2): filled by app.js as the requester types,
    /// or by the form's "look for answers" button without JavaScript.
    var suggestions: KBSuggestionsSection? = nil
    /// For staff, open tickets like the one being recorded (R6.3), filled the same ways.
    var similar: SimilarTicketsSection? = nil
}
