/// `kb-list.mustache`: the knowledge base's articles, searched or by status, and for staff
/// what it lacks (searches that found nothing) and what it saved (intake deflection). Also
/// the reviewers' queue (`/kb/review`), the same list of articles waiting for a reviewer.
struct KBListPage: PageModel {
    static let template = "kb-list"

    struct Row: Sendable {
        let id: Int64
        let title: String
        let status: String
        let statusKey: String
        let visibility: String
        let tags: [String]
        let updated: String
        let votes: String
        let snippet: [SearchPage.SnippetPart]
        let hasSnippet: Bool
    }

    struct Gap: Sendable {
        let query: String
        let searches: Int
        let last: String
        /// A new article's form, titled with the query.
        let newLink: String
    }

    let heading: String
    let q: String
    /// The search form (not on the review queue).
    let searchable: Bool
    let statuses: [SelectOption]
    let visibilities: [SelectOption]
    let rows: [Row]
    let hasRows: Bool
    let isStaff: Bool
    let reviews: Bool
    let next: String?
    let gaps: [Gap]
    let hasGaps: Bool
    let deflection: String?
}
