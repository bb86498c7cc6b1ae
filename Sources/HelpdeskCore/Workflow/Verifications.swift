import Foundation

/// Internal verification before the requester is told (R5.1): which tickets need it, who may
/// do it, and who is told that one waits.
///
/// A category (or one of its sub-categories) can require it (`TicketCategory.requiresVerification`,
/// handed to the rules as `TicketRules.verificationCategoryIds`). Resolving such a ticket moves it
/// to `verifying` instead of `resolved`; the verifier passes it (`verify`: resolved, the
/// requester is told, follow-up and auto-close start) or fails it with a reason
/// (`failVerification`: back to the handler, in progress).
///
/// **The SLA clock.** `verifying` is an open status and not a pause, so the resolution clock
/// keeps running until the check passes and stops at verification, not at the resolver's
/// solution. The resolution target is the requester's: they have nothing until a checked
/// solution reaches them, and a solution that fails its check was not a resolution. Counting
/// the check keeps verification quick, and keeps "resolved" meaning one thing for the clock,
/// the reports and the timers (the resolved instant is when the requester was told). A failed
/// check therefore leaves no resolved stretch in the track, only running time.
public enum Verifications {
    /// Whether resolving this ticket goes to verification first: its category or its
    /// sub-category requires it.
    public static func isRequired(for ticket: Ticket, rules: TicketRules) -> Bool {
        [ticket.categoryId, ticket.subcategoryId].contains { $0.map(rules.verificationCategoryIds.contains) == true }
    }

    /// Who may verify: staff other than the resolver who may work on the ticket, that is a
    /// supervisor or an admin, or an engineer of the ticket's group at the ticket's tier or
    /// above (escalation's rule for who may take it). Problem managers triage and route, they do
    /// not test solutions; an engineer who only sees the ticket as an asked collaborator, or who
    /// recorded it for someone, is not of its group and may not either. (Whether the ticket is
    /// waiting for a check at all is the transition table's question.)
    public static func mayVerify(_ ticket: Ticket, by actor: Principal) -> Bool {
        guard ticket.verification?.resolverId != actor.id else { return false }
        switch actor.role {
        case .supervisor, .admin:
            return true
        case .agent:
            guard let group = ticket.groupId, actor.groupIds.contains(group) else { return false }
            return (actor.tier ?? .l1) >= ticket.tier
        case .problemManager, .requester:
            return false
        }
    }

    /// Told that a solution waits for its check: the ticket's group at its tier or above, and the
    /// supervisors (the supervisors alone for a ticket without a group).
    public static func pool(of ticket: Ticket) -> [Recipient] {
        (ticket.groupId.map { [Recipient.group($0, minimumTier: ticket.tier)] } ?? []) + [.role(.supervisor)]
    }

    /// Told that the check failed: the resolver, and the handler if someone else holds it now.
    static func failureRecipients(of ticket: Ticket, resolverId: Int64) -> [Recipient] {
        SLAEngine.unique([.user(resolverId)] + Recipient.handler(of: ticket))
    }
}
