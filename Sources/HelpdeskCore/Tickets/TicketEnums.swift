/// What kind of request a ticket is (R1.3); each kind asks for its own details.
public enum TicketType: String, Codable, CaseIterable, Sendable {
    /// 故障: needs error text, reproduction steps and environment.
    case fault
    /// 咨询: needs the need and the expected result.
    case consultation
    /// 建议: needs background, proposal and expected value.
    case suggestion
    /// 服务请求 and anything else: no extra details required.
    case request

    /// Keys of `Ticket.details` this type requires (R1.3).
    public var requiredDetails: [String] {
        switch self {
        case .fault: ["error_text", "steps", "environment"]
        case .consultation: ["need", "expected_result"]
        case .suggestion: ["background", "proposal", "expected_value"]
        case .request: []
        }
    }
}

/// Where a request came from (R1.1). Every channel produces the same ticket.
public enum Channel: String, Codable, CaseIterable, Sendable {
    case portal, phone
    case walkIn = "walk_in"
    case email, im, api
}

/// The requester's verdict (R5.3).
public enum SatisfactionLevel: String, Codable, CaseIterable, Sendable {
    /// 满意
    case satisfied
    /// 基本满意
    case neutral
    /// 不满意
    case dissatisfied
}

public struct Satisfaction: Codable, Equatable, Sendable {
    public var level: SatisfactionLevel
    /// 1–5.
    public var score: Int
    public var comment: String?

    public init(level: SatisfactionLevel, score: Int, comment: String? = nil) {
        self.level = level
        self.score = score
        self.comment = comment
    }
}

/// The person a ticket is for (R1.2).
public struct Requester: Codable, Equatable, Sendable {
    /// The requester's account, when they have one (portal users); nil for a phone caller
    /// recorded by an agent without an account.
    public var userId: Int64?
    public var name: String
    public var employeeNumber: String?
    public var department: String?
    public var region: String?
    /// Customer rather than employee: their name is masked for viewers without full access (R9.2).
    public var external: Bool

    public init(
        userId: Int64?, name: String, employeeNumber: String? = nil, department: String? = nil,
        region: String? = nil, external: Bool = false
    ) {
        self.userId = userId
        self.name = name
        self.employeeNumber = employeeNumber
        self.department = department
        self.region = region
        self.external = external
    }
}
