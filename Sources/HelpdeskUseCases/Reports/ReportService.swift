import Foundation
import HelpdeskCore
import HelpdeskStore

/// The supervisors' reports (R7): the weekly review, the monthly KPIs and the response-time
/// tracking table, for the API, the web pages and the exports alike. Supervisors, problem
/// managers and admins see the whole desk; an engineer sees their own figures; requesters none.
public struct ReportService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock

    public init(store: any HelpdeskStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    /// A read batch: large enough that a month is a few dozen reads, small enough to stream.
    static let batch = 1000

    /// The weekly review (R7.1) of `week` (`2026-W49`; the current week when nil).
    public func weekly(week: String?, filter: ReportFilter, for user: User) async throws -> PeriodReport {
        try await report(.week, week, filter: filter, for: user)
    }

    /// The monthly KPIs (R7.2) of `month` (`2026-12`; the current month when nil).
    public func monthly(month: String?, filter: ReportFilter, for user: User) async throws -> PeriodReport {
        try await report(.month, month, filter: filter, for: user)
    }

    func report(_ kind: ReportPeriod.Kind, _ label: String?, filter: ReportFilter, for user: User) async throws
        -> PeriodReport
    {
        let zone = try await timeZone()
        guard let label else {
            return try await report(
                ReportPeriod.containing(clock.now(), kind: kind, timeZone: zone), filter: filter, for: user, zone: zone)
        }
        let parsed =
            kind == .week ? ReportPeriod(week: label, timeZone: zone) : ReportPeriod(month: label, timeZone: zone)
        guard let period = parsed else {
            // Well-formed but absent: week 53 of a year that has 52.
            if kind == .week, label.count == 8, label.hasSuffix("-W53"), Int(label.prefix(4)) != nil {
                throw UseCaseError.notFound(resource: "week")
            }
            throw UseCaseError.invalidValue(field: kind.rawValue)
        }
        return try await report(period, filter: filter, for: user, zone: zone)
    }

    /// One page of the tracking table (R7.3).
    public func tracking(_ input: TrackingInput, for user: User) async throws -> TrackingPage {
        var query = try await trackingQuery(input, for: user)
        query.limit = input.limit
        var page = TrackingPage(rows: [], nextCursor: nil)
        try await walk(query, figure: input.figure, locale: input.locale, once: true) { rows, next in
            page = TrackingPage(rows: rows, nextCursor: next?.text)
        }
        return page
    }

    /// Every row of the tracking table, a batch at a time, for the CSV and XLSX exports: memory
    /// stays that of one batch however many tickets the period holds.
    public func trackingRows(
        _ input: TrackingInput, for user: User, _ body: ([TrackingRow]) async throws -> Void
    ) async throws {
        var query = try await trackingQuery(input, for: user)
        query.limit = Self.batch
        try await walk(query, figure: input.figure, locale: input.locale, once: false) { rows, _ in
            if !rows.isEmpty { try await body(rows) }
        }
    }

    /// Reads the query's rows batch by batch (one batch if `once`), handing each on with the
    /// cursor after it, nil after the last.
    func walk(
        _ query: ReportQuery, figure: ReportFigure?, locale: String, once: Bool,
        _ body: ([TrackingRow], ReportCursor?) async throws -> Void
    ) async throws {
        var query = query
        let names = try await Names(store: store, locale: locale)
        let now = clock.now()
        if figure == nil || figure == .tickets, !once {
            return try await prefetching(query, names: names, body)
        }
        while true {
            let records: [TrackingRecord]
            let next: ReportCursor?
            if let figure, figure != .tickets {
                (records, next) = try await figureRecords(query, counted: figure, at: now)
            } else {
                records = try await store.trackingRecords(query)
                next = Self.cursor(after: records, limit: query.limit)
            }
            try await body(records.map { TrackingRow($0, names: names) }, next)
            guard let next, !once else { return }
            query.after = next
        }
    }

    /// The cursor after a full batch; nil after a short one, the period's last.
    static func cursor(after records: [TrackingRecord], limit: Int) -> ReportCursor? {
        guard records.count == limit, let last = records.last else { return nil }
        return ReportCursor(submittedAt: last.submittedAt, id: last.id)
    }

    /// Every batch of the query's rows, the next one read while this one is handed on: an
    /// export's database reads and its formatting overlap instead of taking turns.
    func prefetching(
        _ query: ReportQuery, names: Names, _ body: ([TrackingRow], ReportCursor?) async throws -> Void
    ) async throws {
        let store = store
        var query = query
        var pending = Task { [query] in try await store.trackingRecords(query) }
        defer { pending.cancel() }
        while true {
            let records = try await pending.value
            let next = Self.cursor(after: records, limit: query.limit)
            if let next {
                query.after = next
                pending = Task { [query] in try await store.trackingRecords(query) }
            }
            try await body(records.map { TrackingRow($0, names: names) }, next)
            guard next != nil else { return }
        }
    }

    /// Checks the caller and the period of a tracking request before any row is read, so an
    /// export refuses with a clear error instead of failing halfway.
    public func trackingQuery(_ input: TrackingInput, for user: User) async throws -> ReportQuery {
        let filter = try scoped(input.filter, for: user)
        guard let from = input.from else { throw UseCaseError.fieldRequired(field: "from") }
        guard let until = input.until else { throw UseCaseError.fieldRequired(field: "until") }
        // An empty or reversed range is a table without rows, not an error.
        var query = ReportQuery(from: from, until: until)
        query.groupId = filter.groupId
        query.assigneeId = filter.engineerId
        query.priority = input.priority
        query.categoryId = input.categoryId
        if let cursor = input.cursor {
            guard let parsed = ReportCursor(text: cursor) else { throw UseCaseError.invalidValue(field: "cursor") }
            query.after = parsed
        }
        return query
    }

    // MARK: - Periods

    func report(_ period: ReportPeriod, filter: ReportFilter, for user: User, zone: TimeZone) async throws
        -> PeriodReport
    {
        let filter = try scoped(filter, for: user)
        let now = clock.now()
        let asOf = min(now, period.end)
        let previousPeriod = period.previous(timeZone: zone)
        // The two periods are read side by side: each is its own walk of the index.
        async let earlier = self.facts(previousPeriod, filter: filter, at: now)
        let read = try await facts(period, filter: filter, at: now)
        let facts = read.facts
        let previous = try await earlier.facts
        func breakdown(_ key: (TicketFacts) -> String) -> [String: KPISet] {
            Dictionary(grouping: facts, by: key).mapValues { KPISet($0, asOf: asOf) }
        }
        let kpis = KPISet(facts, asOf: asOf)
        let categories = (kpis.volume["category"] ?? [:])
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return PeriodReport(
            period: period, previousPeriod: previousPeriod, asOf: asOf, filter: filter,
            kpis: kpis, previous: KPISet(previous, asOf: min(now, previousPeriod.end)),
            byType: breakdown { $0.type.rawValue }, byGroup: breakdown { $0.groupId.map(String.init) ?? "none" },
            byEngineer: breakdown { $0.assigneeId.map(String.init) ?? "none" },
            overdue: read.overdue, overdueCount: kpis.breachesByCause.values.reduce(0, +),
            topCategories: categories.prefix(5).map { CategoryCount(categoryId: Int64($0.key), tickets: $0.value) },
            majorIncidents: read.majorIncidents,
            recurringProblems: try await recurringProblems(period, filter: filter, for: user))
    }

    /// At most this many recurring problems in a report.
    public static let recurringLimit = 10

    /// The problems holding the period's tickets, most first; none for those who may not read
    /// problems (they name tickets of every group).
    func recurringProblems(_ period: ReportPeriod, filter: ReportFilter, for user: User) async throws
        -> [RecurringProblemSummary]
    {
        guard user.role.seesAllTickets else { return [] }
        return try await store.recurringProblems(
            from: period.start, until: period.end, groupId: filter.groupId, assigneeId: filter.engineerId,
            limit: Self.recurringLimit
        ).map {
            RecurringProblemSummary(
                id: $0.problem.id, title: $0.problem.title, status: $0.problem.status, tickets: $0.tickets,
                totalTickets: $0.problem.ticketNumbers.count)
        }
    }

    /// Who may read which figures: staff who see the whole desk any; an engineer only their own.
    func scoped(_ filter: ReportFilter, for user: User) throws -> ReportFilter {
        switch user.role {
        case .requester:
            throw UseCaseError.forbidden(action: "reports")
        case .agent:
            if let engineer = filter.engineerId, engineer != user.id { throw UseCaseError.forbidden(action: "reports") }
            var own = filter
            own.engineerId = user.id
            return own
        case .problemManager, .supervisor, .admin:
            return filter
        }
    }

    /// The desk's time zone: that of the current policy's calendar, which numbers the tickets too.
    public func timeZone() async throws -> TimeZone {
        guard let policy = try await store.currentSLAPolicy() else { return .gmt }
        let rules = try await store.rules(policyId: policy.id)
        return TimeZone(identifier: rules.calendar.timeZoneIdentifier) ?? .gmt
    }
}
