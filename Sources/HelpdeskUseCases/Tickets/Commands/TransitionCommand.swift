import Foundation
import HelpdeskCore

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
