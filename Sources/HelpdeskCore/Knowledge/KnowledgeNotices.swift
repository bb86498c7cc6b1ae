import Foundation

extension Knowledge {
    /// Who hears of a status change (R6.2): on submit the reviewers (supervisors and problem
    /// managers; admins review too but are not paged for it); on return and publish everyone who
    /// wrote a revision, but not the reviewer who did it. Retiring and reopening tell nobody.
    /// `writers` are the editors of the article's revisions; `by` is the actor's id and name.
    public static func notices(
        _ article: KBArticle, _ action: KBAction, by actor: (id: Int64, name: String), writers: Set<Int64>, at now: Date
    ) -> [Notice] {
        let arguments = ["article": String(article.id), "title": article.content.title, "actor": actor.name]
        switch action {
        case .submit:
            return [Notice(.kbReviewRequested, to: [.role(.supervisor), .role(.problemManager)], at: now, arguments)]
        case .return, .publish:
            let recipients = writers.subtracting([actor.id]).sorted().map(Recipient.user)
            guard !recipients.isEmpty else { return [] }
            return [Notice(action == .publish ? .kbPublished : .kbReturned, to: recipients, at: now, arguments)]
        case .retire, .reopen:
            return []
        }
    }
}
