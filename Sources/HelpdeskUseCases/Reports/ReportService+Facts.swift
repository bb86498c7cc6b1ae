import Foundation
import HelpdeskCore
import HelpdeskStore

extension ReportService {
    /// Every ticket of the query's period with its facts at `now`, a batch at a time: resolved
    /// tickets from their stored facts (M028), the others computed from the ticket, which comes
    /// along (nil for a stored one). `body` returns whether to go on.
    func eachFactBatch(
        _ query: ReportQuery, at now: Date,
        _ body: ([(settled: SettledFacts, ticket: ReportTicket?)]) async throws -> Bool
    ) async throws {
        var query = query
        query.limit = Self.batch
        while true {
            let rows = try await store.reportFacts(query)
            var batch: [(settled: SettledFacts, ticket: ReportTicket?)] = []
            batch.reserveCapacity(rows.count)
            for row in rows {
                switch row {
                case .settled(let settled):
                    batch.append((settled, nil))
                case .unsettled(let ticket):
                    let rules = try await store.rules(policyId: ticket.slaPolicyId)
                    let facts = TicketFacts(ticket: ticket, policy: rules.policy, calendar: rules.calendar, at: now)
                    batch.append((SettledFacts(facts: facts, majorIncident: ticket.majorIncident == true), ticket))
                }
            }
            guard try await body(batch), rows.count == query.limit, let last = rows.last else { return }
            query.after = last.cursor
        }
    }

    /// The facts of the period's tickets, the first 200 breached ones as the weekly review lists
    /// them, and the major incidents.
    func facts(_ period: ReportPeriod, filter: ReportFilter, at now: Date) async throws -> (
        facts: [TicketFacts], overdue: [OverdueTicket], majorIncidents: [MajorIncidentSummary]
    ) {
        var query = ReportQuery(from: period.start, until: period.end)
        query.groupId = filter.groupId
        query.assigneeId = filter.engineerId
        var facts: [TicketFacts] = []
        // The listed tickets, read whole only when listed.
        var overdue: [(facts: TicketFacts, ticket: ReportTicket?)] = []
        var majors: [(id: Int64, ticket: ReportTicket?)] = []
        try await eachFactBatch(query, at: now) { batch in
            for (settled, ticket) in batch {
                let fact = settled.facts
                if fact.breached, !fact.outOfScope, overdue.count < 200 { overdue.append((fact, ticket)) }
                if settled.majorIncident { majors.append((fact.id, ticket)) }
                facts.append(fact)
            }
            return true
        }
        let missing = overdue.filter { $0.ticket == nil }.map(\.facts.id) + majors.filter { $0.ticket == nil }.map(\.id)
        let read = Dictionary(
            try await store.reportTickets(ids: Array(Set(missing))).map { ($0.id, ReportTicket($0)) },
            uniquingKeysWith: { a, _ in a })
        func ticket(_ id: Int64, _ known: ReportTicket?) throws -> ReportTicket {
            guard let ticket = known ?? read[id] else { throw UseCaseError.notFound(resource: "ticket") }
            return ticket
        }
        return (
            facts,
            try overdue.map { OverdueTicket(try ticket($0.facts.id, $0.ticket), facts: $0.facts) },
            try majors.map {
                let major = try ticket($0.id, $0.ticket)
                return MajorIncidentSummary(
                    number: major.number, title: major.title, priority: major.priority, status: major.status,
                    submittedAt: major.submittedAt)
            }
        )
    }

    /// Up to `query.limit` records of the tickets `figure` counts, and the cursor after the
    /// last one (nil once the period is read to its end). A figure is a rule over a ticket's
    /// facts, so they are read exactly as the report that showed the figure read them.
    func figureRecords(_ query: ReportQuery, counted figure: ReportFigure, at now: Date) async throws -> (
        [TrackingRecord], ReportCursor?
    ) {
        let asOf = min(now, query.until)
        var matched: [Int64] = []
        var next: ReportCursor?
        try await eachFactBatch(query, at: now) { batch in
            for (settled, _) in batch where figure.includes(settled.facts, asOf: asOf) {
                matched.append(settled.facts.id)
                if matched.count == query.limit {
                    // The page ends at its last ticket; the next one starts after it.
                    next = ReportCursor(submittedAt: settled.facts.submittedAt, id: settled.facts.id)
                    return false
                }
            }
            return true
        }
        // The rows are the ticket's own (as the tracking table shows them), read whole for the page.
        let read = Dictionary(
            try await store.reportTickets(ids: matched).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var records: [TrackingRecord] = []
        for id in matched {
            guard let ticket = read[id] else { continue }
            let rules = try await store.rules(policyId: ticket.slaPolicyId)
            records.append(TrackingRecord(ticket, rules: rules, at: now))
        }
        return (records, next)
    }
}
