import Foundation
import HelpdeskCore

public struct PriorityCommand: Decodable, Sendable, Equatable {
    public var priority: Priority
    public var reason: String?

    public init(priority: Priority, reason: String? = nil) {
        self.priority = priority
        self.reason = reason
    }
}
