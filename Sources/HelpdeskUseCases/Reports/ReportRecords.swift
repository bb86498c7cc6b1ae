import Foundation
import HelpdeskCore
import HelpdeskStore

/// Narrows a report to a group or an engineer (an engineer's own reports always carry their id).
public struct ReportFilter: Sendable, Equatable, Encodable {
    public var groupId: Int64?
    public var engineerId: Int64?

    public init(groupId: Int64? = nil, engineerId: Int64? = nil) {
        self.groupId = groupId
        self.engineerId = engineerId
    }
}

/// A weekly or monthly report: the period's KPIs, the previous period's for comparison, the
/// breakdowns by type, group and engineer, and the breached tickets with their causes.
public struct PeriodReport: Sendable, Encodable {
    public var period: ReportPeriod
    public var previousPeriod: ReportPeriod
    /// Backlog and undecided targets are read at this instant: the period's end, or now.
    public var asOf: Date
    public var filter: ReportFilter
    public var kpis: KPISet
    public var previous: KPISet
    public var byType: [String: KPISet]
    public var byGroup: [String: KPISet]
    public var byEngineer: [String: KPISet]
    /// The period's breached tickets, oldest first, at most 200 (`overdueCount` counts them all).
    public var overdue: [OverdueTicket]
    public var overdueCount: Int
    /// The five categories with the most tickets (nil id: uncategorised).
    public var topCategories: [CategoryCount]
    /// The period's major incidents, oldest first, each with its retrospective (R7.4).
    public var majorIncidents: [MajorIncidentSummary]
    /// The problems with most tickets of the period (R6.3, R7.1), for those who read problems.
    public var recurringProblems: [RecurringProblemSummary]
}

/// A problem among a report's tickets: how many of the period's tickets it holds, of how many.
public struct RecurringProblemSummary: Sendable, Equatable, Encodable {
    public var id: Int64
    public var title: String
    public var status: ProblemStatus
    public var tickets: Int
    public var totalTickets: Int
}

/// A major incident of a report's period, for the link to its retrospective.
public struct MajorIncidentSummary: Sendable, Equatable, Encodable {
    public var number: String
    public var title: String
    public var priority: Priority
    public var status: TicketStatus
    public var submittedAt: Date
}

public struct CategoryCount: Sendable, Equatable, Codable {
    public var categoryId: Int64?
    public var tickets: Int
}

/// A breached ticket in the weekly review (R7.1): what was missed, why and who handles it.
public struct OverdueTicket: Sendable, Equatable, Encodable {
    public var number: String
    public var title: String
    public var priority: Priority
    public var status: TicketStatus
    public var groupId: Int64?
    public var assigneeId: Int64?
    public var breachCause: String?
    public var missed: [SLABreach.Target]

    init(_ ticket: ReportTicket, facts: TicketFacts) {
        number = ticket.number
        title = ticket.title
        priority = ticket.priority
        status = ticket.status
        groupId = ticket.groupId
        assigneeId = ticket.assigneeId
        breachCause = ticket.breachCause
        var missed = (ticket.breaches ?? []).map(\.target)
        if facts.responseMet == false, !missed.contains(.response) { missed.append(.response) }
        if facts.resolutionMet == false, !missed.contains(.resolution) { missed.append(.resolution) }
        self.missed = missed
    }
}

/// What a tracking-table request asks for (R7.3).
public struct TrackingInput: Sendable, Equatable {
    public var from: Date?
    public var until: Date?
    public var filter = ReportFilter()
    public var priority: Priority?
    public var categoryId: Int64?
    /// Only the tickets one figure of the period's report counts (its drill-down), read at the
    /// report's instant: `until`, or now while the period runs.
    public var figure: ReportFigure?
    public var cursor: String?
    public var limit = 100
    /// The reader's language: group names are the English ones (where set) for `en`.
    public var locale = "zh-CN"

    public init(from: Date?, until: Date?) {
        self.from = from
        self.until = until
    }
}

public struct TrackingPage: Sendable {
    public var rows: [TrackingRow]
    public var nextCursor: String?
}

/// One row of the response-time tracking table (R7.3), as the seed's spreadsheet has it.
public struct TrackingRow: Sendable, Equatable, Encodable {
    public var number: String
    public var submittedAt: Date
    /// Personal data masked (R9.2).
    public var description: String
    public var priority: Priority
    public var group: String?
    public var engineer: String?
    public var responseDueAt: Date
    public var respondedAt: Date?
    public var resolvedAt: Date?
    public var status: TicketStatus
    public var satisfaction: Int?
    /// 延期原因.
    public var remark: String?

    init(_ record: TrackingRecord, names: Names) {
        number = record.number
        submittedAt = record.submittedAt
        description = record.descriptionMasked ? record.description : Masking.text(record.description)
        priority = record.priority
        group = record.groupId.flatMap { names.groups[$0] }
        engineer = record.assigneeId.flatMap { names.users[$0] }
        responseDueAt = record.responseDueAt
        respondedAt = record.respondedAt
        resolvedAt = record.resolvedAt
        status = record.status
        satisfaction = record.satisfactionScore
        remark = record.breachCause
    }
}

extension TrackingRecord {
    /// The record of a ticket read whole, as a figure's drill-down reads it.
    init(_ ticket: Ticket, rules: TicketRules, at now: Date) {
        let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        self.init(
            id: ticket.id, number: ticket.number, submittedAt: ticket.submittedAt, description: ticket.description,
            priority: ticket.priority, groupId: ticket.groupId, assigneeId: ticket.assigneeId,
            responseDueAt: state.responseDueAt, respondedAt: state.respondedAt, resolvedAt: state.resolvedAt,
            status: ticket.status, satisfactionScore: ticket.satisfaction?.score, breachCause: ticket.breachCause)
    }
}

/// Group and staff names for the tracking table, read once per request.
struct Names: Sendable {
    var groups: [Int64: String]
    var users: [Int64: String]

    init(store: any HelpdeskStore, locale: String) async throws {
        groups = Dictionary(
            uniqueKeysWithValues: try await store.groups().map {
                ($0.id, locale == "en" ? $0.nameEn ?? $0.name : $0.name)
            })
        users = Dictionary(
            try await store.staff().map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }
}
