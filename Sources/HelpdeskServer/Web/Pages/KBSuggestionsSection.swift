/// Articles suggested for a text (R6.2): on the intake form as the requester types
/// (`kb-suggest.mustache`, also fetched alone by app.js), on the acknowledgement, and on a
/// ticket's page for staff with the articles linked to it and the draft button.
struct KBSuggestionsSection: PageModel {
    static let template = "kb-suggest"

    struct Item: Sendable {
        let id: Int64
        let title: String
        /// `/kb/articles/{id}`, with `?from=intake` on the intake form (deflection).
        let link: String
        let snippet: [SearchPage.SnippetPart]
        /// Staff see whether it is internal or public.
        let visibility: String?
    }

    let items: [Item]
    let hasItems: Bool
    /// Open in a new tab, so the half-written form stays.
    let newTab: Bool
}

/// The ticket page's knowledge section, for staff.
struct TicketKnowledgeSection: Sendable {
    let suggestions: KBSuggestionsSection
    let linked: [KBSuggestionsSection.Item]
    let hasLinked: Bool
    /// The ticket is solved: a draft can be made from it.
    let canDraft: Bool
    /// The problem records it is in (R6.3).
    var problems: [ProblemLink] = []
    var hasProblems = false

    struct ProblemLink: Sendable {
        let id: Int64
        let title: String
        let status: String
    }
}
