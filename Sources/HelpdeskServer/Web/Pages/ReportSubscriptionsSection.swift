/// The reports page's 定时发送 section: the reader's scheduled report e-mails, each with its
/// next run and a button that ends it, and the form that adds one (``ReportSubscriptionService``
/// as `/api/v1/reports/subscriptions`).
struct ReportSubscriptionsSection: Sendable {
    struct Item: Sendable {
        let id: Int64
        let text: String
        let next: String
        let last: String?
    }

    let intro: String
    /// The form shows only for a reader with an e-mail address; the others read why not.
    let hasEmail: Bool
    let items: [Item]
    let hasItems: Bool
    let kinds: [SelectOption]
    let weekdays: [SelectOption]
    let days: [SelectOption]
    let time: String
    let groups: [SelectOption]
    let choosesGroup: Bool
    let error: String?
}

/// What the subscription form shows after a refused post: the values the reader sent.
struct ReportSubscriptionDraft: Sendable {
    var kind = "weekly"
    var weekday = 1
    var dayOfMonth = 1
    var time = "09:00"
    var groupId: Int64?
}
