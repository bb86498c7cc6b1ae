import Foundation

/// A recurring problem's retrospective (R7.4), printable: what kept coming back, from when to
/// when, whom it touched, why, what was done and what is done so that it does not again.
/// Made from the record and its linked tickets, so its figures are the problem page's.
public struct ProblemRetrospective: Codable, Equatable, Sendable {
    /// A linked ticket as the retrospective lists it.
    public struct Ticket: Codable, Equatable, Sendable {
        public var number: String
        public var title: String
        public var status: TicketStatus
        public var submittedAt: Date?
        public var requesterUserId: Int64?
        public var isOpen: Bool

        public init(
            number: String, title: String, status: TicketStatus, submittedAt: Date?, requesterUserId: Int64?,
            isOpen: Bool
        ) {
            self.number = number
            self.title = title
            self.status = status
            self.submittedAt = submittedAt
            self.requesterUserId = requesterUserId
            self.isOpen = isOpen
        }
    }

    /// A knowledge article about it.
    public struct Article: Codable, Equatable, Sendable {
        public var id: Int64
        public var title: String

        public init(id: Int64, title: String) {
            self.id = id
            self.title = title
        }
    }

    public var id: Int64
    public var title: String
    public var status: ProblemStatus
    public var ownerId: Int64?
    public var affectedSystem: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var rootCause: String?
    public var workaround: String?
    public var permanentFix: String?
    public var preventiveActions: String?
    /// Oldest first.
    public var tickets: [Ticket]
    /// The first and the last linked ticket's submission.
    public var firstAt: Date?
    public var lastAt: Date?
    /// Days from the first ticket to the last one (how long it kept coming back).
    public var spanDays: Int?
    public var openTickets: Int
    /// Distinct requesters of its tickets.
    public var affectedRequesters: Int
    public var articles: [Article]

    public init(_ problem: ProblemRecord, tickets: [Ticket], articles: [Article]) {
        id = problem.id
        title = problem.title
        status = problem.status
        ownerId = problem.ownerId
        affectedSystem = problem.affectedSystem
        createdAt = problem.createdAt
        updatedAt = problem.updatedAt
        rootCause = problem.rootCause
        workaround = problem.workaround
        permanentFix = problem.permanentFix
        preventiveActions = problem.preventiveActions
        self.tickets = tickets.sorted {
            ($0.submittedAt ?? .distantFuture, $0.number) < ($1.submittedAt ?? .distantFuture, $1.number)
        }
        let times = tickets.compactMap(\.submittedAt)
        let (first, last) = (times.min(), times.max())
        firstAt = first
        lastAt = last
        if let first, let last { spanDays = Int(last.timeIntervalSince(first) / 86_400) } else { spanDays = nil }
        openTickets = tickets.filter(\.isOpen).count
        affectedRequesters = Set(tickets.compactMap(\.requesterUserId)).count
        self.articles = articles
    }
}
