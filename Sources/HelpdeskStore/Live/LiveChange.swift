/// What a committed transaction changed that an open page shows: the ticket lists (queues,
/// the P0/P1 board) or one user's inbox. Carries no ticket data, so a subscriber learns only
/// that it should look again, through the same access checks as any page.
public enum LiveChange: Hashable, Sendable {
    /// A ticket was created or changed.
    case tickets
    /// A notification of this user was added or marked read.
    case inbox(userId: Int64)
}
