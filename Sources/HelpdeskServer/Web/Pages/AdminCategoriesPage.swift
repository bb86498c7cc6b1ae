/// `admin-categories.mustache`: the category tree, the form to add a category and, editing
/// one, its form (name, parent, default group, order, active, internal verification).
struct AdminCategoriesPage: PageModel {
    static let template = "admin-categories"

    /// A category with its default group; top-level ones with their subcategories.
    struct Node: Sendable {
        let id: Int64
        let name: String
        let nameEn: String
        let group: String
        let active: Bool
        /// Solutions are verified internally first (R5.1).
        let verified: Bool
        let children: [Node]
    }

    /// The category edited.
    struct Edit: Sendable {
        let id: Int64
        let name: String
        let nameEn: String
        let sortOrder: Int
        let active: Bool
        let requiresVerification: Bool
    }

    let tree: [Node]
    /// The parents and groups to choose from, the edited category's selected.
    let parents: [SelectOption]
    let groups: [SelectOption]
    let edit: Edit?
}
