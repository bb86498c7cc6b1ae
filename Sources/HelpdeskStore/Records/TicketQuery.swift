import Foundation
import HelpdeskCore

public struct TicketQuery: Sendable, Equatable {
    public var scope: Access.ListScope
    public var statuses: [TicketStatus] = []
    public var priorities: [Priority] = []
    public var categoryId: Int64?
    public var groupId: Int64?
    public var assigneeId: Int64?
    /// Only tickets nobody handles yet.
    public var unassigned = false
    public var requesterId: Int64?
    public var channel: Channel?
    /// Only open tickets past their response or resolution due time.
    public var overdue = false
    /// Substring of the title, or an exact ticket number.
    public var text: String?
    public var limit = 50
    /// Return the tickets after this one in `order` (the previous page's `nextCursor`, an id).
    public var before: Int64?
    public var order: TicketOrder = .newest

    public init(scope: Access.ListScope) { self.scope = scope }
}
