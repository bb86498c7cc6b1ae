import Foundation
import HelpdeskCore
import HelpdeskStore

/// What the list filters of the API and the web queues accept; one meaning for both.
public struct TicketFilter: Sendable, Equatable {
    public enum Assignee: Sendable, Equatable {
        case me
        case nobody
        case user(Int64)
    }

    public var statuses: [TicketStatus] = []
    public var priorities: [Priority] = []
    public var categoryId: Int64?
    public var groupId: Int64?
    public var assignee: Assignee?
    public var requesterId: Int64?
    public var channel: Channel?
    public var overdue = false
    public var text: String?
    public var limit = 50
    public var cursor: Int64?
    public var order: TicketOrder = .newest

    public init() {}

    public static let limits = 1...200
}
