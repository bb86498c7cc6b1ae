import HelpdeskCore

public struct CategoryNodeCommand: Decodable, Sendable, Equatable {
    public var parentId: Int64?
    public var name: String
    public var nameEn: String?
    public var defaultGroupId: Int64?
    public var sortOrder: Int?
    public var active: Bool?
    /// Solutions are verified internally before the requester is told (R5.1); false when omitted.
    public var requiresVerification: Bool?

    public init(
        parentId: Int64? = nil, name: String, nameEn: String? = nil, defaultGroupId: Int64? = nil,
        sortOrder: Int? = nil,
        active: Bool? = nil, requiresVerification: Bool? = nil
    ) {
        self.parentId = parentId
        self.name = name
        self.nameEn = nameEn
        self.defaultGroupId = defaultGroupId
        self.sortOrder = sortOrder
        self.active = active
        self.requiresVerification = requiresVerification
    }
}
