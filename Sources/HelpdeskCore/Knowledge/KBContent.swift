import Foundation

/// The part of an article a revision holds: everything an editor writes. The solution is
/// Markdown (``KBMarkdown``); the other texts are plain.
public struct KBContent: Codable, Equatable, Sendable {
    public var title: String
    /// 现象: what the requester sees, in their words.
    public var symptom: String
    /// 原因: why it happens.
    public var cause: String
    /// 解决方法: what to do, in Markdown.
    public var solution: String
    public var categoryId: Int64?
    /// Lower-cased, unique, in the order written.
    public var tags: [String]
    public var visibility: KBVisibility

    public init(
        title: String, symptom: String = "", cause: String = "", solution: String = "", categoryId: Int64? = nil,
        tags: [String] = [], visibility: KBVisibility = .internal
    ) {
        self.title = title
        self.symptom = symptom
        self.cause = cause
        self.solution = solution
        self.categoryId = categoryId
        self.tags = tags
        self.visibility = visibility
    }

    /// The texts search indexes and snippets are cut from, in that order: title, symptom,
    /// cause, the solution as plain text, the tags.
    public var searchParts: [String] {
        [title, symptom, cause, KBMarkdown.plainText(solution), tags.joined(separator: " ")]
    }
}
