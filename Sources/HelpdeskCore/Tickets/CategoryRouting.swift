/// Files a ticket under the category tree and finds the group it routes to (R2.1, R4.1).
public enum CategoryRouting {
    public struct Route: Equatable, Sendable {
        public var categoryId: Int64?
        public var subcategoryId: Int64?
        /// The sub-category's default group, else the category's; nil when neither has one.
        public var groupId: Int64?

        public init(categoryId: Int64?, subcategoryId: Int64?, groupId: Int64?) {
            self.categoryId = categoryId
            self.subcategoryId = subcategoryId
            self.groupId = groupId
        }
    }

    /// Which field named a category that does not exist, is inactive or does not fit.
    public struct InvalidCategory: Error, Equatable, Sendable {
        public var field: String
    }

    /// A sub-category given as the category is filed under its parent; a sub-category must
    /// belong to the given category. Only active categories route.
    public static func route(categoryId: Int64?, subcategoryId: Int64?, in tree: [TicketCategory])
        throws(InvalidCategory)
        -> Route
    {
        guard categoryId != nil || subcategoryId != nil else {
            return Route(categoryId: nil, subcategoryId: nil, groupId: nil)
        }
        func find(_ id: Int64?, _ field: String) throws(InvalidCategory) -> TicketCategory? {
            guard let id else { return nil }
            guard let found = tree.first(where: { $0.id == id && $0.active }) else {
                throw InvalidCategory(field: field)
            }
            return found
        }
        var category = try find(categoryId, "categoryId")
        var sub = try find(subcategoryId, "subcategoryId")
        if let chosen = category, chosen.parentId != nil, sub == nil {
            sub = chosen
            category = try find(chosen.parentId, "categoryId")
        }
        if let sub {
            guard let parentId = sub.parentId else { throw InvalidCategory(field: "subcategoryId") }
            if let category, category.id != parentId { throw InvalidCategory(field: "subcategoryId") }
            category = try find(parentId, "categoryId")
        }
        return Route(
            categoryId: category?.id, subcategoryId: sub?.id, groupId: sub?.defaultGroupId ?? category?.defaultGroupId)
    }
}
