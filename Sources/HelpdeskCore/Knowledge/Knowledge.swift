import Foundation

/// The knowledge base's rules (R6.2): who reads and writes articles, how their status moves,
/// and how a solved ticket becomes a draft.
public enum Knowledge {
    public static let titleMaxLength = 200
    public static let textMaxLength = 20_000
    public static let tagsMax = 10
    public static let tagMaxLength = 40

    /// Supervisors, problem managers and admins review, publish and retire articles.
    public static func reviews(_ role: Role) -> Bool {
        switch role {
        case .supervisor, .problemManager, .admin: true
        case .requester, .agent: false
        }
    }

    /// Staff read every article in every status; requesters only published public ones.
    public static func mayRead(_ article: KBArticle, role: Role) -> Bool {
        role.isStaff || (article.status == .published && article.content.visibility == .public)
    }

    /// Staff write articles until they are retired (reopen one first).
    public static func mayEdit(_ article: KBArticle, role: Role) -> Bool {
        (try? checkEditable(article, role: role)) != nil
    }

    /// The status after an edit. What requesters read has always passed a reviewer: a change
    /// to a published article goes back to review, unless a reviewer makes it on a desk that
    /// lets reviewers publish their own writing (`separateReviewer` off).
    public static func statusAfterEdit(_ article: KBArticle, by role: Role, separateReviewer: Bool) -> KBStatus {
        guard article.status == .published else { return article.status }
        return reviews(role) && !separateReviewer ? .published : .review
    }

    /// The status `action` leads to when `userId` in `role` asks for it. With
    /// `separateReviewer`, an article is published by someone who wrote none of its revisions
    /// (`writers`: the editors of every revision).
    public static func transition(
        _ article: KBArticle, _ action: KBAction, by userId: Int64, role: Role, separateReviewer: Bool,
        writers: Set<Int64>
    ) throws(KnowledgeError) -> KBStatus {
        guard role.isStaff else { throw .notReviewer }
        let target: KBStatus
        switch (action, article.status) {
        case (.submit, .draft): target = .review
        case (.publish, .review): target = .published
        case (.return, .review): target = .draft
        case (.retire, .published): target = .retired
        case (.reopen, .retired): target = .draft
        default: throw .illegalTransition(status: article.status, action: action)
        }
        if action != .submit, !reviews(role) { throw .notReviewer }
        if action == .publish, separateReviewer,
            userId == article.authorId || userId == article.editorId || writers.contains(userId)
        {
            throw .reviewerIsWriter
        }
        return target
    }

    /// What separates tags: commas (`,` `，` `、`) and whitespace; a tag never holds one.
    static let tagSeparators = CharacterSet(charactersIn: ",，、").union(.whitespacesAndNewlines)

    /// Tags trimmed, lower-cased, without `#`, split at commas and spaces, unique, at most
    /// ``tagsMax``; nil when one is longer than ``tagMaxLength``.
    public static func tags(_ written: [String]) -> [String]? {
        var seen = Set<String>()
        var tags: [String] = []
        for tag in written.flatMap({ $0.components(separatedBy: tagSeparators) }) {
            let cleaned = tag.trimmingCharacters(in: CharacterSet(charactersIn: "#").union(.whitespacesAndNewlines))
                .lowercased()
            guard !cleaned.isEmpty else { continue }
            guard cleaned.count <= tagMaxLength else { return nil }
            if seen.insert(cleaned).inserted { tags.append(cleaned) }
        }
        return tags.count <= tagsMax ? tags : nil
    }

    /// Tags as one text field writes them, split but not yet checked (``tags(_:)`` checks).
    public static func tagList(fromText text: String) -> [String] {
        text.components(separatedBy: tagSeparators).filter { !$0.isEmpty }
    }

    /// Whether `user` may save a content change over `article`: staff, until it is retired.
    public static func checkEditable(_ article: KBArticle, role: Role) throws(KnowledgeError) {
        guard role.isStaff else { throw .notReviewer }
        guard article.status != .retired else { throw .notEditable }
    }

    /// Tickets a draft may be made from: solved ones.
    public static func mayDraft(from ticket: Ticket) -> Bool {
        [.resolved, .confirmed, .reviewed, .closed, .archived].contains(ticket.status)
    }

    /// A resolved ticket as an internal draft: its title, its description as the symptom, its
    /// root cause, its solution (and workaround) and its affected system as a tag; personal
    /// data masked (R9.2): numbers and addresses by ``Masking/text(_:)``, and the requester's
    /// name wherever it is written.
    public static func draft(from ticket: Ticket) -> KBContent {
        let name = ticket.requester.name.trimmingCharacters(in: .whitespaces)
        func masked(_ text: String?) -> String {
            var result = Masking.text(text ?? "")
            if name.count >= 2 { result = result.replacingOccurrences(of: name, with: Masking.name(name)) }
            return String(result.prefix(textMaxLength))
        }
        let solution = [ticket.solution, ticket.workaround].compactMap { $0?.isEmpty == false ? $0 : nil }
            .joined(separator: "\n\n")
        return KBContent(
            title: String(masked(ticket.title).prefix(titleMaxLength)), symptom: masked(ticket.description),
            cause: masked(ticket.rootCause), solution: masked(solution), categoryId: ticket.categoryId,
            tags: tags([ticket.affectedSystem ?? ""]) ?? [], visibility: .internal)
    }
}

/// Why ``Knowledge`` refused a change of status.
public enum KnowledgeError: Error, Equatable, Sendable {
    case illegalTransition(status: KBStatus, action: KBAction)
    /// Only reviewers (supervisors, problem managers, admins) may do this.
    case notReviewer
    /// The desk asks for a reviewer who did not write the article.
    case reviewerIsWriter
    /// A retired article is reopened before it is edited.
    case notEditable
}
