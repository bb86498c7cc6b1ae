/// `kb-article.mustache`: one article as its readers see it (the solution rendered from
/// Markdown to safe HTML), the votes and the vote form, and for staff the status actions,
/// the editor and the revisions.
struct KBArticlePage: PageModel {
    static let template = "kb-article"

    struct Action: Sendable {
        /// `/kb/articles/{id}/publish`, as the API's path.
        let path: String
        let label: String
        let id: String
        let primary: Bool
    }

    let id: Int64
    let articleTitle: String
    let status: String
    let statusKey: String
    let visibility: String
    let category: String?
    let tags: [String]
    let symptom: String
    let cause: String?
    /// Rendered by ``KBMarkdown``: every text escaped, only safe links.
    let solutionHtml: String
    let tickets: [String]
    let hasTickets: Bool
    let author: String
    let editor: String
    let reviewer: String?
    let updated: String
    let published: String?
    let revision: Int
    let helpful: Int
    let notHelpful: Int
    let isStaff: Bool
    let editable: Bool
    let actions: [Action]
    let hasActions: Bool
    let notice: String?
    let error: String?
}
