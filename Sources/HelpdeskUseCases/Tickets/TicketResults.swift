import Foundation
import HelpdeskCore
import HelpdeskStore

/// A ticket as stored (unmasked: presenters mask per viewer) with the rules it runs under.
public struct TicketView: Sendable {
    public var ticket: Ticket
    public var rules: TicketRules

    public init(ticket: Ticket, rules: TicketRules) {
        self.ticket = ticket
        self.rules = rules
    }

    init(_ stored: StoredChange) { self.init(ticket: stored.ticket, rules: stored.rules) }
}

/// A ticket just taken in: what to show the submitter, and what the desk tells them (R1.5).
public struct CreatedTicket: Sendable {
    public var view: TicketView
    public var warnings: [IntakeWarning]
    public var acknowledgement: Acknowledgement
    /// The SLA state at intake, which the acknowledgement was made from.
    public var state: SLAState
}

/// One page of a queue with the rules of the policies its tickets run under.
public struct TicketListing: Sendable {
    public var page: TicketPage
    public var rules: [Int64: TicketRules]
}

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
    public var overdue = false
    public var text: String?
    public var limit = 50
    public var cursor: Int64?

    public init() {}

    public static let limits = 1...200
}
