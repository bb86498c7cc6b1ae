/// `kb-edit.mustache`: a new article or an edit of one, with a preview of the solution as
/// readers will see it.
struct KBEditPage: PageModel {
    static let template = "kb-edit"

    let heading: String
    /// `/kb/articles` for a new article, `/kb/articles/{id}` for an edit, as the API's paths.
    let action: String
    let articleId: Int64?
    let revision: Int
    let articleTitle: String
    let symptom: String
    let cause: String
    let solution: String
    let tags: String
    let categories: [SelectOption]
    let visibilities: [SelectOption]
    /// The solution rendered, after the preview button.
    let previewHtml: String?
    let titleMax: Int
    let textMax: Int
    /// An engineer's change to a published article goes back to review: said on the form.
    let returnsToReview: Bool
    let error: String?
}
