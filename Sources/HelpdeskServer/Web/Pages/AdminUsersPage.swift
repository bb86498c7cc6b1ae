/// `admin-users.mustache`: every account, and the form for a new user or the one being edited.
struct AdminUsersPage: PageModel {
    static let template = "admin-users"

    struct Row: Sendable {
        let id: Int64
        let username: String
        let name: String
        let role: String
        let tier: String
        let groups: String
        let active: Bool
    }

    /// The user form; `edited` is nil for a new user.
    struct Form: Sendable {
        struct Group: Sendable {
            let id: Int64
            let name: String
            let checked: Bool
        }

        /// The edited user's current values.
        struct Edited: Sendable {
            let username: String
            let name: String
            let email: String
            let phone: String
            let department: String
            let employeeNumber: String
            let region: String
        }

        let roles: [SelectOption]
        let tiers: [SelectOption]
        let groups: [Group]
        let locales: [SelectOption]
        let active: Bool
        let external: Bool
        let action: String
        let edited: Edited?
    }

    let users: [Row]
    let form: Form
}
