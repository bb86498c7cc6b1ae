import Foundation
import HelpdeskCore

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
