/// What an open page is told while it is open.
public enum LiveUpdate: Equatable, Sendable {
    /// Ticket lists changed: queues and the board look again (staff only).
    case tickets
    /// The user's unread count is now this.
    case inbox(unread: Int)
}
