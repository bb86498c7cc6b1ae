/// What `layout.mustache` reads on every page: the language and its texts, the title, the
/// session's CSRF token, the path to come back to after switching language, and who is signed
/// in with the navigation their role sees.
struct LayoutModel: Sendable {
    /// The signed-in user as the header shows them.
    struct Viewer: Sendable {
        let name: String
        let role: String
        let tier: String
        /// Engineers mark themselves away or back from the header (R4.1).
        let isAgent: Bool
        let away: Bool
    }

    let t: Catalogue
    let lang: String
    let title: String
    let csrf: String
    let path: String
    /// The navigation link of this page, marked `aria-current="page"`.
    let navCurrent: CurrentNav
    let otherLocale: String
    let otherLocaleName: String
    let user: Viewer?
    let isRequester: Bool
    let isStaff: Bool
    let isManager: Bool
    let isAdmin: Bool
    /// Supervisors and admins decide extension requests (R3.5).
    let decidesExtensions: Bool
    /// Unread notifications, shown next to the inbox link when there are any.
    let unread: Int
    let hasUnread: Bool
}
