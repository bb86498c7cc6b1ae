/// How a ticket list is sorted: newest first, or the soonest SLA due time first (tickets whose
/// clock is paused or stopped last).
public enum TicketOrder: String, CaseIterable, Sendable {
    case newest
    case due
}
