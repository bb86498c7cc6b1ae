import HelpdeskCore

/// An account as an administrator creates or edits it.
public struct UserCommand: Decodable, Sendable, Equatable {
    public var username: String
    public var displayName: String
    /// Required for a new account; a new one on an existing account ends its sessions.
    public var password: String?
    public var role: Role
    public var tier: Tier?
    public var email: String?
    public var phone: String?
    public var department: String?
    public var employeeNumber: String?
    public var region: String?
    public var external: Bool?
    public var locale: String?
    public var active: Bool?
    public var groupIds: [Int64]?

    public init(
        username: String, displayName: String, password: String? = nil, role: Role, tier: Tier? = nil,
        email: String? = nil, phone: String? = nil, department: String? = nil, employeeNumber: String? = nil,
        region: String? = nil, external: Bool? = nil, locale: String? = nil, active: Bool? = nil,
        groupIds: [Int64]? = nil
    ) {
        self.username = username
        self.displayName = displayName
        self.password = password
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
    }
}
