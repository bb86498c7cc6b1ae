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
    /// `close` only: not a support matter (R1.6).
    public var outOfScope: Bool?

    public init(
        action: WorkflowAction, reason: String? = nil, assigneeId: Int64? = nil, groupId: Int64? = nil,
        solution: String? = nil, rootCause: String? = nil, satisfaction: Satisfaction? = nil, outOfScope: Bool? = nil
    ) {
        self.action = action
        self.reason = reason
        self.assigneeId = assigneeId
        self.groupId = groupId
        self.solution = solution
        self.rootCause = rootCause
        self.satisfaction = satisfaction
        self.outOfScope = outOfScope
    }
}
