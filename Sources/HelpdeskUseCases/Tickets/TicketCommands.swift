import Foundation
import HelpdeskCore

/// Which ticket a change is for, and the version the client last saw (`If-Match`), if any.
public struct TicketRef: Sendable, Equatable {
    public let number: String
    public let expectedVersion: Int?

    public init(number: String, expectedVersion: Int? = nil) {
        self.number = number
        self.expectedVersion = expectedVersion
    }
}

/// Who a request is for, when staff record it on someone's behalf (R1.1): an account by id
/// or username, or a person without one.
public struct RequesterDetails: Decodable, Sendable, Equatable {
    public var userId: Int64?
    public var username: String?
    public var name: String?
    public var employeeNumber: String?
    public var department: String?
    public var region: String?
    public var external: Bool?

    public init(
        userId: Int64? = nil, username: String? = nil, name: String? = nil, employeeNumber: String? = nil,
        department: String? = nil, region: String? = nil, external: Bool? = nil
    ) {
        self.userId = userId
        self.username = username
        self.name = name
        self.employeeNumber = employeeNumber
        self.department = department
        self.region = region
        self.external = external
    }
}

/// A new request as any channel hands it in: the portal, the API, a phone call typed in by an
/// agent, and later e-mail and IM.
public struct TicketSubmission: Decodable, Sendable, Equatable {
    /// Staff: the number of the major incident this request duplicates (R8.2).
    public var majorIncident: String?
    public var type: TicketType?
    public var title: String
    public var description: String
    public var details: [String: String]?
    public var affectedSystem: String?
    public var contact: String?
    public var channel: Channel?
    public var impact: Impact
    public var urgency: Urgency
    public var categoryId: Int64?
    public var subcategoryId: Int64?
    public var groupId: Int64?
    /// Staff recording a request on someone's behalf (R1.1).
    public var requester: RequesterDetails?

    public init(
        majorIncident: String? = nil, type: TicketType? = nil, title: String, description: String,
        details: [String: String]? = nil, affectedSystem: String? = nil, contact: String? = nil, channel: Channel? = nil,
        impact: Impact, urgency: Urgency, categoryId: Int64? = nil, subcategoryId: Int64? = nil, groupId: Int64? = nil,
        requester: RequesterDetails? = nil
    ) {
        self.majorIncident = majorIncident
        self.type = type
        self.title = title
        self.description = description
        self.details = details
        self.affectedSystem = affectedSystem
        self.contact = contact
        self.channel = channel
        self.impact = impact
        self.urgency = urgency
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.groupId = groupId
        self.requester = requester
    }
}

public struct TransitionCommand: Decodable, Sendable, Equatable {
    public var action: WorkflowAction
    public var reason: String?
    public var assigneeId: Int64?
    public var groupId: Int64?
    public var solution: String?
    public var rootCause: String?
    public var satisfaction: Satisfaction?

    public init(
        action: WorkflowAction, reason: String? = nil, assigneeId: Int64? = nil, groupId: Int64? = nil,
        solution: String? = nil, rootCause: String? = nil, satisfaction: Satisfaction? = nil
    ) {
        self.action = action
        self.reason = reason
        self.assigneeId = assigneeId
        self.groupId = groupId
        self.solution = solution
        self.rootCause = rootCause
        self.satisfaction = satisfaction
    }
}

public struct WorklogCommand: Decodable, Sendable, Equatable {
    public var body: String
    public var visibility: TicketEvent.Visibility?

    public init(body: String, visibility: TicketEvent.Visibility? = nil) {
        self.body = body
        self.visibility = visibility
    }
}

public struct WorkaroundCommand: Decodable, Sendable, Equatable {
    public var workaround: String
    public var eta: Date?

    public init(workaround: String, eta: Date? = nil) {
        self.workaround = workaround
        self.eta = eta
    }
}

public struct PriorityCommand: Decodable, Sendable, Equatable {
    public var priority: Priority
    public var reason: String?

    public init(priority: Priority, reason: String? = nil) {
        self.priority = priority
        self.reason = reason
    }
}

public struct CategoryCommand: Decodable, Sendable, Equatable {
    public var categoryId: Int64
    public var subcategoryId: Int64?
    public var reason: String?

    public init(categoryId: Int64, subcategoryId: Int64? = nil, reason: String? = nil) {
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.reason = reason
    }
}
