/// The signed-in user performing an operation, as the domain needs to see them.
public struct Principal: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var tier: Tier?
    public var groupIds: Set<Int64>
    /// A requester's department, set only when the desk lets requesters read their department's
    /// tickets (R9.1) and only for reading: changes are made with a principal without it.
    public var readsDepartment: String?

    public init(
        id: Int64, name: String, role: Role, tier: Tier? = nil, groupIds: Set<Int64> = [],
        readsDepartment: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.tier = tier
        self.groupIds = groupIds
        self.readsDepartment = readsDepartment
    }

    /// The actor used for automatic events (intake acknowledgement, scheduler).
    public static let system = Principal(id: 0, name: "system", role: .admin)
}
