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
        role.isStaff && article.status != .retired
    }

    /// The status after an edit: a reviewer's correction of a published article stays
    /// published (the revision records it); anyone else's change goes back to review, and the
    /// article with it, so what requesters read has always passed a reviewer.
    public static func statusAfterEdit(_ article: KBArticle, by role: Role) -> KBStatus {
        article.status == .published && !reviews(role) ? .review : article.status
    }

    /// The status `action` leads to when `userId` in `role` asks for it. With
    /// `separateReviewer`, an article is published by someone who wrote neither its first nor
    /// its latest revision.
    public static func transition(
        _ article: KBArticle, _ action: KBAction, by userId: Int64, role: Role, separateReviewer: Bool
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
        if action == .publish, separateReviewer, userId == article.authorId || userId == article.editorId {
            throw .reviewerIsWriter
        }
        return target
    }

    /// Tags trimmed, lower-cased, without `#`, split at commas, unique, at most ``tagsMax``;
    /// nil when one is longer than ``tagMaxLength``.
    public static func tags(_ written: [String]) -> [String]? {
        var seen = Set<String>()
        var tags: [String] = []
        for tag in written.flatMap({ $0.components(separatedBy: CharacterSet(charactersIn: ",，、")) }) {
            let cleaned = tag.trimmingCharacters(in: CharacterSet(charactersIn: "#").union(.whitespacesAndNewlines))
                .lowercased()
            guard !cleaned.isEmpty else { continue }
            guard cleaned.count <= tagMaxLength else { return nil }
            if seen.insert(cleaned).inserted { tags.append(cleaned) }
        }
        return tags.count <= tagsMax ? tags : nil
    }

    /// Tags as one text field writes them: separated by commas (`,` `，` `、`) or spaces.
    public static func tags(fromText text: String) -> [String]? {
        tags(text.components(separatedBy: CharacterSet(charactersIn: ",，、").union(.whitespacesAndNewlines)))
    }

    /// Tickets a draft may be made from: solved ones, with a solution.
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
}
