import Foundation

/// A knowledge-base article (R6.2): what the desk learned from solving a problem, so the next
/// requester finds the answer before asking and the next engineer before digging. Its
/// ``content`` changes by revisions (``KBRevision``); its ``status`` by ``Knowledge/transition(_:_:by:separateReviewer:)``.
public struct KBArticle: Codable, Equatable, Sendable {
    public var id: Int64
    public var content: KBContent
    public var status: KBStatus
    /// Who wrote the first revision.
    public var authorId: Int64
    /// Who published it, when it was published.
    public var reviewerId: Int64?
    /// The latest revision's number (1 for a new article); also the optimistic-lock version.
    public var revision: Int
    /// Who wrote the latest revision.
    public var editorId: Int64
    /// The tickets the article was learned from or solves (their numbers).
    public var ticketNumbers: [String]
    public var createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?
    public var votes = KBVotes()

    public init(
        id: Int64 = 0, content: KBContent, status: KBStatus = .draft, authorId: Int64, reviewerId: Int64? = nil,
        revision: Int = 1, editorId: Int64? = nil, ticketNumbers: [String] = [], createdAt: Date,
        updatedAt: Date? = nil, publishedAt: Date? = nil
    ) {
        self.id = id
        self.content = content
        self.status = status
        self.authorId = authorId
        self.reviewerId = reviewerId
        self.revision = revision
        self.editorId = editorId ?? authorId
        self.ticketNumbers = ticketNumbers
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.publishedAt = publishedAt
    }
}

/// Who may read an article once it is published.
public enum KBVisibility: String, Codable, CaseIterable, Sendable {
    /// Staff only: internal procedures, root causes, system names.
    case `internal`
    /// Requesters too: in the portal's suggestions, the acknowledgement and search.
    case `public`
}

/// An article's life: written, reviewed, published, retired when it no longer applies.
public enum KBStatus: String, Codable, CaseIterable, Sendable {
    case draft
    case review
    case published
    case retired
}

/// What an article's status may be asked to do.
public enum KBAction: String, Codable, CaseIterable, Sendable {
    /// Draft → review: the author asks for a review.
    case submit
    /// Review → published, by a reviewer other than its writers (when the desk asks for that).
    case publish
    /// Review → draft: the reviewer sends it back.
    case `return`
    /// Published → retired: no longer offered or found by requesters.
    case retire
    /// Retired → draft: to be revised and published again.
    case reopen
}
