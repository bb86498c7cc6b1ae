/// A node of the admin-editable category tree (R2.1). Top-level categories have no parent;
/// sub-categories have one. A category may route to a default group (R4.1).
public struct TicketCategory: Codable, Equatable, Sendable {
    public var id: Int64
    public var parentId: Int64?
    public var name: String
    public var nameEn: String?
    public var defaultGroupId: Int64?
    public var sortOrder: Int
    public var active: Bool

    public init(
        id: Int64 = 0, parentId: Int64? = nil, name: String, nameEn: String? = nil, defaultGroupId: Int64? = nil,
        sortOrder: Int = 0, active: Bool = true
    ) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.nameEn = nameEn
        self.defaultGroupId = defaultGroupId
        self.sortOrder = sortOrder
        self.active = active
    }
}
