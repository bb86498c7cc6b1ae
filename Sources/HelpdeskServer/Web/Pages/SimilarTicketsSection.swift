/// `similar-tickets.mustache`: the open tickets like what staff are typing at intake (R6.3),
/// filled by app.js from `/new/similar`, or by the form's "look for answers" button without
/// JavaScript. A major incident among them can be ticked: the new ticket is linked to it.
struct SimilarTicketsSection: PageModel {
    static let template = "similar-tickets"

    struct Item: Sendable {
        let number: String
        let title: String
        let status: String
        let submitted: String
        /// "3 of 7 words in common".
        let overlap: String
        let snippet: [SearchPage.SnippetPart]
        let majorIncident: Bool
        /// The incident ticked on the posted form.
        let linked: Bool
    }

    let items: [Item]
    let hasItems: Bool
}
