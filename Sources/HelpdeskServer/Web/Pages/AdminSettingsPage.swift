/// `admin-settings.mustache`: the ticket number format, the reopen window, whether webhooks
/// may target internal addresses, department visibility, the knowledge review rule and when
/// recurring problems are proposed.
struct AdminSettingsPage: PageModel {
    static let template = "admin-settings"

    let format: String
    let reopenDays: Int
    let allowInternalWebhooks: Bool
    let requestersSeeDepartment: Bool
    let kbSeparateReviewer: Bool
    let problemMinimumTickets: Int
    let problemWindowDays: Int
}
