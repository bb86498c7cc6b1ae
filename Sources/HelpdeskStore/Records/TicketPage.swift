import Foundation
import HelpdeskCore

public struct TicketPage: Sendable {
    public var tickets: [TicketSummary]
    public var nextCursor: Int64?
}
