/// `admin-groups.mustache`: the support groups and the form to add one.
struct AdminGroupsPage: PageModel {
    static let template = "admin-groups"

    struct Group: Sendable {
        let id: Int64
        let name: String
        let nameEn: String
    }

    let groups: [Group]
}
