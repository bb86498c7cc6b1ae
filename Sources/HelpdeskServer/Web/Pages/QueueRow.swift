/// One ticket in a list (queue, "my tickets", board), names masked for the viewer.
struct QueueRow: Sendable {
    let number: String
    let title: String
    let priority: String
    let priorityLabel: String
    let status: String
    let statusKey: String
    let tier: String
    let requester: String
    let assignee: String
    let group: String
    let submitted: String
    let sla: SLACell
    /// 延期原因, on the supervisor's overdue list; nil while none is recorded.
    let breachCause: String?
}
