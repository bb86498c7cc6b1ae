import Foundation
import HelpdeskCore

/// The knowledge base (M024). Every content save writes the article, its next revision and
/// its search index in one transaction. Part of ``HelpdeskStore``.
public protocol KnowledgeStore: Sendable {
    /// Inserts the article (id 0) with revision 1 and its ticket links.
    func createArticle(_ article: KBArticle, note: KBRevisionNote) async throws -> KBArticle
    func article(id: Int64) async throws -> KBArticle?
    /// Saves `content` as the next revision, moving the article from `from` to `to`, when it is
    /// still at `expectedRevision` and in `from`; ``KBRevisionConflict`` when it is not,
    /// `StoreError.notFound` when there is no such article.
    func reviseArticle(
        id: Int64, content: KBContent, from: KBStatus, to: KBStatus, editorId: Int64, expectedRevision: Int,
        note: KBRevisionNote, now: Date
    ) async throws -> KBArticle
    /// Moves the article from `from` to `to` (nil when it is no longer in `from`, or no longer
    /// at `revision` when given: a reviewer publishes the text they read); `reviewerId` is
    /// recorded on publishing; `notices` are queued with the change.
    func setArticleStatus(
        id: Int64, from: KBStatus, to: KBStatus, revision: Int?, reviewerId: Int64?, notices: [Notice], now: Date
    ) async throws -> KBArticle?
    /// Links tickets to the article (those already linked are kept once).
    func linkArticle(id: Int64, ticketNumbers: [String]) async throws
    func articles(_ query: KBQuery) async throws -> KBPage
    /// Published articles sharing the most tokens with a text (the intake form's suggestions):
    /// any token matches, best first, at most `limit` candidates; each with its normalized text
    /// (``KBContent/searchParts``), for weighing the match.
    func articleCandidates(tokens: [String], publicOnly: Bool, limit: Int) async throws
        -> [(article: KBArticle, text: String)]
    /// Whether any article is published (and public when `publicOnly`), from memory nearly
    /// always: a desk without articles answers every new ticket's suggestions without reading.
    func hasPublishedArticles(publicOnly: Bool) async throws -> Bool
    /// Every revision, newest first.
    func articleRevisions(id: Int64) async throws -> [KBRevision]
    func articleRevision(id: Int64, number: Int) async throws -> KBRevision?
    /// One vote per user and article (a second one replaces the first); the article's counts after it.
    func recordArticleFeedback(id: Int64, userId: Int64, helpful: Bool, reason: String?, now: Date) async throws
        -> KBVotes
    /// An article opened from `source` (`intake`: the portal's form, for deflection); once a
    /// day per reader and article.
    func recordArticleView(id: Int64, userId: Int64, source: String, now: Date) async throws
    /// Counts a search that found no article.
    func recordKnowledgeGap(query: String, now: Date) async throws
    /// A query that finds articles now is no gap any more.
    func clearKnowledgeGap(query: String) async throws
    /// The most searched gaps since `since`.
    func knowledgeGaps(since: Date, limit: Int) async throws -> [KBGap]
    /// Articles opened from the intake form between `since` and 24 h before `now` after which
    /// their reader submitted no ticket within 24 h (R6.2 deflection), and all such openings.
    func deflections(since: Date, now: Date) async throws -> (deflected: Int, opened: Int)
}
