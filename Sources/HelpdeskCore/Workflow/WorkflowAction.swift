/// Every move of the ticket workflow (R4.9, R5.1–R5.5).
public enum WorkflowAction: String, Codable, CaseIterable, Sendable {
    /// Route to a handler (and optionally a group).
    case assign
    /// The handler confirms receipt (R4.3); counts as the first response.
    case accept
    /// An agent takes an unassigned ticket and starts work; counts as the first response.
    case start
    /// The handler hands the ticket back to the problem manager with a reason (R4.3).
    case bounce
    /// Waiting on the requester or a third party (待客户配合); pauses the SLA clock by default.
    case wait
    /// Blocked (处理中-受阻), with a reason; pauses the SLA clock by default.
    case block
    case resume
    /// Up one tier (L1 → L2 → L3) with the background and steps tried as reason (R4.2).
    case escalate
    /// Solution given; stops the resolution clock, or, in a category that requires it, goes to
    /// internal verification first (R5.1).
    case resolve
    /// A second engineer passed the internal check: resolved, and only now the requester is told (R5.1).
    case verify
    /// The check failed, with a reason: back to the handler, in progress (R5.1).
    case failVerification = "fail_verification"
    /// Requester: solved (R5.2).
    case confirm
    /// Requester: not solved, with a reason; reopens (R5.2).
    case reject
    /// Requester: satisfaction (R5.3); no status change.
    case rate
    /// Supervisor review before the final close (R5.5).
    case review
    /// Final close after review, or polite close of an out-of-scope request (R1.6).
    case close
    case reopen
}
