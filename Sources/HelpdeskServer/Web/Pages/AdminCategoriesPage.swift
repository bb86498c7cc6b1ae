/// `admin-categories.mustache`: the category tree and the form to add a category.
struct AdminCategoriesPage: PageModel {
    static let template = "admin-categories"

    /// A category with its default group; top-level ones with their subcategories.
    struct Node: Sendable {
        let name: String
        let nameEn: String
        let group: String
        let children: [Node]
    }

    let tree: [Node]
    let parents: [SelectOption]
    let groups: [SelectOption]
}
