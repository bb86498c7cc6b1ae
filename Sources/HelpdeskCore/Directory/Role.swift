/// Who a user is to the service desk (R9.1).
public enum Role: String, Codable, CaseIterable, Sendable {
    /// Employee or customer who asks for help; sees only their own tickets.
    case requester
    /// L1/L2/L3 engineer; sees the tickets of their groups and those assigned to them.
    case agent
    /// 问题管理员: triages, confirms priorities, routes.
    case problemManager = "problem_manager"
    /// Reviews and closes, approves extensions, sees everything.
    case supervisor
    /// Configures the desk; sees everything.
    case admin

    public var isStaff: Bool { self != .requester }

    /// Roles that see every ticket and every personal field.
    public var seesAllTickets: Bool {
        switch self {
        case .problemManager, .supervisor, .admin: true
        case .requester, .agent: false
        }
    }
}

/// Support tier (R4.2).
public enum Tier: String, Codable, CaseIterable, Comparable, Sendable {
    case l1 = "L1"
    case l2 = "L2"
    case l3 = "L3"

    public var next: Tier? {
        switch self {
        case .l1: .l2
        case .l2: .l3
        case .l3: nil
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
}
