/// A node of the admin-editable category tree (R2.1). Top-level categories have no parent;
/// sub-categories have one. A category may route to a default group (R4.1) and may require
/// internal verification of a solution before the requester is told (R5.1); a top-level
/// category's requirement covers its sub-categories.
public struct TicketCategory: Codable, Equatable, Sendable {
    public var id: Int64
    public var parentId: Int64?
    public var name: String
    public var nameEn: String?
    public var defaultGroupId: Int64?
    public var sortOrder: Int
    public var active: Bool
    /// Resolving a ticket of this category goes to `verifying` first (R5.1).
    public var requiresVerification: Bool

    public init(
        id: Int64 = 0, parentId: Int64? = nil, name: String, nameEn: String? = nil, defaultGroupId: Int64? = nil,
        sortOrder: Int = 0, active: Bool = true, requiresVerification: Bool = false
    ) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.nameEn = nameEn
        self.defaultGroupId = defaultGroupId
        self.sortOrder = sortOrder
        self.active = active
        self.requiresVerification = requiresVerification
    }
}
