/// A request to move a ticket through the workflow. Which fields matter depends on the action.
public struct TransitionRequest: Sendable, Equatable {
    public var action: WorkflowAction
    public var reason: String?
    /// assign (required), escalate (optional): the new handler. The caller checks the user exists.
    public var assigneeId: Int64?
    /// The account behind `assigneeId`, as the caller found it: escalation checks its tier.
    public var assignee: Principal?
    /// assign, escalate: optional new group.
    public var groupId: Int64?
    /// resolve (required).
    public var solution: String?
    /// resolve (optional).
    public var rootCause: String?
    /// rate (required).
    public var satisfaction: Satisfaction?
    /// `close` of a request that is not a support matter (R1.6); only before work starts.
    public var outOfScope: Bool

    public init(
        action: WorkflowAction, reason: String? = nil, assigneeId: Int64? = nil, assignee: Principal? = nil,
        groupId: Int64? = nil, solution: String? = nil, rootCause: String? = nil, satisfaction: Satisfaction? = nil,
        outOfScope: Bool = false
    ) {
        self.action = action
        self.reason = reason
        self.assigneeId = assigneeId
        self.assignee = assignee
        self.groupId = groupId
        self.solution = solution
        self.rootCause = rootCause
        self.satisfaction = satisfaction
        self.outOfScope = outOfScope
    }
}
