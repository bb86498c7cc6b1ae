/// `admin-groups.mustache`: the support groups with their leads, the form to add one and,
/// editing one, its form with the lead chosen from its members.
struct AdminGroupsPage: PageModel {
    static let template = "admin-groups"

    struct Group: Sendable {
        let id: Int64
        let name: String
        let nameEn: String
        /// The lead's name; empty when the whole group is told.
        let lead: String
        let mode: String
    }

    struct Edit: Sendable {
        let id: Int64
        let name: String
        let nameEn: String
        let leads: [SelectOption]
        let modes: [SelectOption]
    }

    let groups: [Group]
    let edit: Edit?
}
