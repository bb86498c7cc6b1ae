import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// A knowledge article as the API shows it: its content, the solution also as safe HTML, its
/// status and writers, votes and linked tickets; `snippet` and `highlights` on a search hit.
/// `brief` (suggestions, the review queue) leaves the long texts out.
struct KBArticleResponse: ResponseEncodable {
    let kind = "kb"
    let id: Int64
    let title: String
    let symptom: String?
    let cause: String?
    let solution: String?
    let solutionHtml: String?
    let categoryId: Int64?
    let tags: [String]
    let visibility: KBVisibility
    let status: KBStatus
    let authorId: Int64
    let editorId: Int64
    let reviewerId: Int64?
    let revision: Int
    let ticketNumbers: [String]
    let helpful: Int
    let notHelpful: Int
    let createdAt: Date
    let updatedAt: Date
    let publishedAt: Date?
    let snippet: String?
    let highlights: [SearchItemResponse.Highlight]?

    init(_ article: KBArticle, snippet: SearchSnippet? = nil, brief: Bool = false) {
        id = article.id
        let content = article.content
        title = content.title
        symptom = brief ? nil : content.symptom
        cause = brief ? nil : content.cause
        solution = brief ? nil : content.solution
        solutionHtml = brief ? nil : KBMarkdown.html(content.solution)
        categoryId = content.categoryId
        tags = content.tags
        visibility = content.visibility
        status = article.status
        authorId = article.authorId
        editorId = article.editorId
        reviewerId = article.reviewerId
        revision = article.revision
        ticketNumbers = article.ticketNumbers
        helpful = article.votes.helpful
        notHelpful = article.votes.notHelpful
        createdAt = article.createdAt
        updatedAt = article.updatedAt
        publishedAt = article.publishedAt
        self.snippet = snippet?.text
        highlights = snippet.map(SearchItemResponse.highlights(of:))
    }
}

struct KBListResponse: ResponseEncodable {
    let items: [KBArticleResponse]
    let nextCursor: String?
}

/// One revision: its number, writer, time, why it was saved and its content.
struct KBRevisionResponse: ResponseEncodable {
    let articleId: Int64
    let number: Int
    let editorId: Int64
    let at: Date
    let note: String
    let title: String
    let symptom: String
    let cause: String
    let solution: String
    let categoryId: Int64?
    let tags: [String]
    let visibility: KBVisibility

    init(_ revision: KBRevision) {
        articleId = revision.articleId
        number = revision.number
        editorId = revision.editorId
        at = revision.at
        note = revision.note.code
        title = revision.content.title
        symptom = revision.content.symptom
        cause = revision.content.cause
        solution = revision.content.solution
        categoryId = revision.content.categoryId
        tags = revision.content.tags
        visibility = revision.content.visibility
    }
}

/// Two revisions compared: per field, its lines marked `same`, `added` or `removed`.
struct KBComparisonResponse: ResponseEncodable {
    struct Line: Encodable, Sendable {
        let change: String
        let text: String
    }

    struct Field: Encodable, Sendable {
        let name: String
        let changed: Bool
        let lines: [Line]
    }

    let from: Int
    let to: Int
    let fields: [Field]

    init(_ comparison: KBComparison) {
        from = comparison.from.number
        to = comparison.to.number
        fields = comparison.fields.map { field in
            Field(
                name: field.name,
                changed: field.lines.contains { if case .same = $0 { false } else { true } },
                lines: field.lines.map {
                    switch $0 {
                    case .same(let text): Line(change: "same", text: text)
                    case .added(let text): Line(change: "added", text: text)
                    case .removed(let text): Line(change: "removed", text: text)
                    }
                })
        }
    }
}
