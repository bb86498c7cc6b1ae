import Foundation
import HelpdeskCore
import HelpdeskStore

/// One page of a queue with the rules of the policies its tickets run under.
public struct TicketListing: Sendable {
    public var page: TicketPage
    public var rules: [Int64: TicketRules]
}
