/// `admin-settings.mustache`: the ticket number format and the reopen window.
struct AdminSettingsPage: PageModel {
    static let template = "admin-settings"

    let format: String
    let reopenDays: Int
}
