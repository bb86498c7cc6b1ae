import Foundation
import HelpdeskCore

/// A staff member's subscription to a report by e-mail: the schedule, an optional group, and
/// where the schedule stands.
public struct ReportSubscription: Equatable, Sendable, Codable {
    public var id: Int64
    public var userId: Int64
    public var schedule: ReportSchedule
    public var groupId: Int64?
    public var nextRunAt: Date
    public var lastSentAt: Date?
    /// The label of the period last sent (`2026-W49`, `2026-11`).
    public var lastPeriod: String?
    public var createdAt: Date

    public init(
        id: Int64 = 0, userId: Int64, schedule: ReportSchedule, groupId: Int64?, nextRunAt: Date,
        lastSentAt: Date? = nil, lastPeriod: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.userId = userId
        self.schedule = schedule
        self.groupId = groupId
        self.nextRunAt = nextRunAt
        self.lastSentAt = lastSentAt
        self.lastPeriod = lastPeriod
        self.createdAt = createdAt
    }
}

/// What a run of a subscription sends: an e-mail already rendered in the subscriber's language.
public struct ReportMail: Equatable, Sendable, Codable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}
