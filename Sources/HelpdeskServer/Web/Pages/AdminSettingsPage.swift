/// `admin-settings.mustache`: the ticket number format, the reopen window and whether
/// webhooks may target internal addresses.
struct AdminSettingsPage: PageModel {
    static let template = "admin-settings"

    let format: String
    let reopenDays: Int
    let allowInternalWebhooks: Bool
    let requestersSeeDepartment: Bool
    let kbSeparateReviewer: Bool
}
