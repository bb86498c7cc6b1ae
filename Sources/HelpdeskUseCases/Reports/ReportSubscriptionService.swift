import Foundation
import HelpdeskCore
import HelpdeskStore

/// Scheduled report e-mail (issue #13): a staff member subscribes to the weekly review or the
/// monthly KPIs at a local time; the scheduler renders the last ended period for them, with
/// the figures they may see, and sends it. Several instances send each run once.
public struct ReportSubscriptionService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let reports: ReportService

    public init(store: any HelpdeskStore, clock: AppClock) {
        self.store = store
        self.clock = clock
        self.reports = ReportService(store: store, clock: clock)
    }

    /// A subscriber keeps at most this many subscriptions.
    public static let perUser = 20

    /// What the API and the web form send: `kind` is `weekly` or `monthly`, `time` `HH:MM`;
    /// `weekday` (weekly, Monday when nil) or `dayOfMonth` (monthly, the 1st when nil).
    public struct Command: Decodable, Sendable {
        public var kind: String
        public var weekday: Int?
        public var dayOfMonth: Int?
        public var time: String
        public var groupId: Int64?

        public init(kind: String, weekday: Int? = nil, dayOfMonth: Int? = nil, time: String, groupId: Int64? = nil) {
            self.kind = kind
            self.weekday = weekday
            self.dayOfMonth = dayOfMonth
            self.time = time
            self.groupId = groupId
        }
    }

    /// The user's own subscriptions.
    public func subscriptions(for user: User) async throws -> [ReportSubscription] {
        try Self.authorize(user)
        return try await store.reportSubscriptions(userId: user.id)
    }

    public func subscribe(_ command: Command, for user: User) async throws -> ReportSubscription {
        try Self.authorize(user)
        let kind: ReportPeriod.Kind
        switch command.kind {
        case "weekly": kind = .week
        case "monthly": kind = .month
        default: throw UseCaseError.invalidValue(field: "kind")
        }
        guard let minute = ReportSchedule.minuteOfDay(command.time) else {
            throw UseCaseError.invalidValue(field: "time")
        }
        // Monday and the 1st when not given; the other kind's field is not looked at.
        let schedule = ReportSchedule(
            kind: kind, weekday: kind == .week ? command.weekday ?? 1 : nil,
            dayOfMonth: kind == .month ? command.dayOfMonth ?? 1 : nil, minuteOfDay: minute)
        if let field = schedule.invalidField { throw UseCaseError.invalidValue(field: field) }
        if let groupId = command.groupId {
            guard try await store.groups().contains(where: { $0.id == groupId }) else {
                throw UseCaseError.invalidReference(field: "groupId")
            }
        }
        guard user.email.map(EmailAddress.isValid) == true else { throw UseCaseError.fieldRequired(field: "email") }
        guard try await store.reportSubscriptions(userId: user.id).count < Self.perUser else {
            throw UseCaseError.limitReached(resource: "report subscriptions", limit: Self.perUser)
        }
        let now = clock.now()
        let zone = try await reports.timeZone()
        return try await store.createReportSubscription(
            ReportSubscription(
                userId: user.id, schedule: schedule, groupId: command.groupId,
                nextRunAt: schedule.nextRun(after: now, timeZone: zone), createdAt: now))
    }

    /// The subscriber, or an admin, ends a subscription.
    public func unsubscribe(_ id: Int64, by user: User) async throws {
        try Self.authorize(user)
        guard let subscription = try await store.reportSubscription(id: id),
            subscription.userId == user.id || user.role == .admin
        else { throw UseCaseError.notFound(resource: "report subscription") }
        do {
            try await store.deleteReportSubscription(id: id)
        } catch StoreError.notFound {
            throw UseCaseError.notFound(resource: "report subscription")
        }
    }

    /// A due run: the subscription, its subscriber, the report they get (nil when they no
    /// longer may have one: inactive, a requester now, or without an address) and the next run.
    public struct Run: Sendable {
        public var subscription: ReportSubscription
        public var user: User?
        public var report: PeriodReport?
        public var nextRunAt: Date
        public var timeZone: TimeZone
    }

    /// Up to `limit` due runs, each with its report computed now. A run that was missed (the
    /// desk was down, or had no mail relay) sends only the last ended period, once.
    public func dueRuns(limit: Int) async throws -> [Run] {
        let now = clock.now()
        let due = try await store.dueReportSubscriptions(now: now, limit: limit)
        guard !due.isEmpty else { return [] }
        let zone = try await reports.timeZone()
        var runs: [Run] = []
        for subscription in due {
            let schedule = subscription.schedule
            var run = Run(
                subscription: subscription, user: nil, report: nil,
                nextRunAt: schedule.nextRun(after: now, timeZone: zone), timeZone: zone)
            if let user = try await store.user(id: subscription.userId), user.active, user.role != .requester,
                user.email.map(EmailAddress.isValid) == true
            {
                run.user = user
                run.report = try await reports.report(
                    schedule.period(sentAt: now, timeZone: zone), filter: ReportFilter(groupId: subscription.groupId),
                    for: user, zone: zone)
            }
            runs.append(run)
        }
        return runs
    }

    /// Records a run and queues its mail; false when another instance recorded it first.
    @discardableResult
    public func record(_ run: Run, mail: ReportMail?) async throws -> Bool {
        let period =
            run.report?.period.label
            ?? run.subscription.schedule.period(
                sentAt: clock.now(), timeZone: run.timeZone
            ).label
        return try await store.recordReportRun(
            id: run.subscription.id, dueAt: run.subscription.nextRunAt, nextRunAt: run.nextRunAt, period: period,
            mail: run.report == nil ? nil : mail, now: clock.now())
    }

    static func authorize(_ user: User) throws {
        guard user.role != .requester else { throw UseCaseError.forbidden(action: "reports") }
    }
}
