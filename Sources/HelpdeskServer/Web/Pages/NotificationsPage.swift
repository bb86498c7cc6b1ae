/// `notifications.mustache`: the signed-in user's inbox (every role, requesters included),
/// newest first, with what is unread marked and the forms that mark it read.
struct NotificationsPage: PageModel {
    static let template = "notifications"

    struct Item: Sendable {
        let id: Int64
        let title: String
        let body: String
        /// The ticket it is about, or the page for a notice about the desk (a quarantined message).
        let link: String
        let at: String
        let unread: Bool
    }

    let items: [Item]
    let unreadOnly: Bool
    let olderLink: String?
}
