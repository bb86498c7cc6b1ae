/// A person who signs in: requester, engineer, manager or admin.
public struct User: Codable, Equatable, Sendable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    /// Engineers only (R4.2).
    public var tier: Tier?
    public var email: String?
    public var phone: String?
    public var department: String?
    public var employeeNumber: String?
    public var region: String?
    /// A customer rather than an employee (R9.2 masks their name).
    public var external: Bool
    /// `zh-CN` or `en`.
    public var locale: String
    /// The languages a user may choose, Chinese first; the first is the default.
    public static let locales = ["zh-CN", "en"]
    public var active: Bool
    public var groupIds: [Int64]
    /// An engineer who marked themselves away gets no automatic assignment (R4.1).
    public var away: Bool

    public init(
        id: Int64 = 0, username: String, displayName: String, role: Role, tier: Tier? = nil, email: String? = nil,
        phone: String? = nil, department: String? = nil, employeeNumber: String? = nil, region: String? = nil,
        external: Bool = false, locale: String = "zh-CN", active: Bool = true, groupIds: [Int64] = [],
        away: Bool = false
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.tier = tier
        self.email = email
        self.phone = phone
        self.department = department
        self.employeeNumber = employeeNumber
        self.region = region
        self.external = external
        self.locale = locale
        self.active = active
        self.groupIds = groupIds
        self.away = away
    }

    public var actor: Principal {
        Principal(id: id, name: displayName, role: role, tier: tier, groupIds: Set(groupIds))
    }

    /// The requester record a ticket gets when this user submits it themselves.
    public var asRequester: Requester {
        Requester(
            userId: id, name: displayName, employeeNumber: employeeNumber, department: department, region: region,
            external: external)
    }
}
