/// The workflow states of a ticket (R4.9, R5.1, R5.2, R5.5).
public enum TicketStatus: String, Codable, CaseIterable, Sendable {
    /// 待处理: received, not yet with a handler.
    case new
    /// 已分派: routed to a handler who has not confirmed receipt.
    case assigned
    /// 处理中
    case inProgress = "in_progress"
    /// 待客户配合: waiting on the requester or a third party.
    case waitingOnRequester = "waiting_on_requester"
    /// 处理中-受阻: blocked, with a reason.
    case blocked
    /// 待验证: solved by the handler, waiting for a second engineer's internal check before the
    /// requester is told (R5.1; only in categories that require it). Still open: the resolution
    /// clock keeps running until the check passes (see `Verifications`).
    case verifying
    /// 已解决: solution given, awaiting the requester's confirmation.
    case resolved
    /// 已确认: the requester confirmed; awaiting the supervisor's review.
    case confirmed
    /// 已审核: reviewed by a supervisor, ready to close.
    case reviewed
    /// 已关闭
    case closed
    /// 已归档: closed and archived by the scheduler (R6.1); read-only from then on.
    case archived

    /// Closed and archived tickets take no work, files or replies any more (R4.9, R6.1).
    public var acceptsChanges: Bool { self != .closed && self != .archived }

    /// States in which the ticket still needs work from the support side.
    public var isOpen: Bool {
        switch self {
        case .new, .assigned, .inProgress, .waitingOnRequester, .blocked, .verifying: true
        case .resolved, .confirmed, .reviewed, .closed, .archived: false
        }
    }
}
