import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func createTicket(
        _ draft: Ticket, event: TicketEvent, attachments: [AttachmentUpload], format: TicketNumberFormat,
        rules: TicketRules
    ) async throws -> StoredChange {
        try await createTicket(draft, events: [event], attachments: attachments, format: format, rules: rules)
    }

    /// The same with the ticket's history written along (`helpdesk generate` makes desks whose
    /// tickets were handled and closed long ago); the first event is the creation.
    public func createTicket(
        _ draft: Ticket, events: [TicketEvent], attachments: [AttachmentUpload], format: TicketNumberFormat,
        rules: TicketRules
    ) async throws -> StoredChange {
        let timeZone = TimeZone(identifier: rules.calendar.timeZoneIdentifier) ?? .gmt
        let dialect = database.dialect
        return try await write { db in
            let scope = format.scope(for: draft.submittedAt, timeZone: timeZone)
            // The counter row is locked by the upsert until commit, so concurrent creates in the
            // same scope queue here and a rolled-back create gives its number back (no gaps).
            let counter = try await db.raw(
                """
                INSERT INTO ticket_counters (scope, value) VALUES (\(bind: scope), 1)
                ON CONFLICT (scope) DO UPDATE SET value = ticket_counters.value + 1
                RETURNING value
                """
            ).first()!.int("value")
            var numbered = draft
            numbered.number = format.render(date: draft.submittedAt, sequence: Int(counter), timeZone: timeZone)
            // Timers due at once (a P0's alert, core business skipping L1) fire with the insert.
            var intake = TicketChange(ticket: numbered, events: events)
            if let assigned = try await Self.autoAssign(intake, rules: rules, on: db, dialect: dialect) {
                intake = assigned
            }
            let (change, nextTimer) = try await Self.planAndRun(
                on: intake, ticketId: nil, rules: rules,
                now: draft.submittedAt,
                on: db)
            var ticket = change.ticket
            // One INSERT writes the document and its columns; the document's id is taken from
            // the row when read (see `ticket(from:)`), so it need not be known here.
            let due = DueColumns(ticket: ticket, rules: rules, now: ticket.submittedAt, nextTimer: nextTimer)
            let row = try await db.raw(
                """
                INSERT INTO tickets (number, title, status, is_open, priority, tier, type, category_id, subcategory_id,
                    group_id, assignee_id, requester_user_id, requester_name, requester_external, created_by,
                    submitted_at, updated_at, response_due_at, responded_at, resolution_due_at, resolved_at,
                    next_due_at, next_timer_at, major_incident_number, pending_extension, breach_cause, sla_policy_id, version,
                    sla, channel, requester_department, priority_matrix_version, report_description,
                    satisfaction_score, report_facts, doc)
                VALUES (\(bind: ticket.number), \(bind: ticket.title), \(bind: ticket.status.rawValue),
                    \(bind: ticket.status.isOpen.sqlValue), \(bind: ticket.priority.rawValue), \(bind: ticket.tier.rawValue),
                    \(bind: ticket.type.rawValue), \(bind: ticket.categoryId), \(bind: ticket.subcategoryId),
                    \(bind: ticket.groupId), \(bind: ticket.assigneeId), \(bind: ticket.requester.userId),
                    \(bind: ticket.requester.name), \(bind: ticket.requester.external.sqlValue), \(bind: ticket.createdById), \(bind: ticket.submittedAt.millis), \(bind: ticket.updatedAt.millis),
                    \(bind: due.responseDue), \(bind: due.responded), \(bind: due.resolutionDue), \(bind: due.resolved),
                    \(bind: due.nextDue), \(bind: due.nextTimer), \(bind: ticket.majorIncidentNumber), \(bind: due.pendingExtension),
                    \(bind: ticket.breachCause),
                    \(bind: ticket.slaPolicyId), \(bind: Int64(ticket.version)), \(bind: try Self.json(ticket.sla)),
                    \(bind: ticket.channel.rawValue), \(bind: ticket.requester.department),
                    \(bind: Int64(ticket.gradedUnderMatrixVersion)), \(bind: Masking.text(ticket.description)),
                    \(bind: ticket.satisfaction.map { Int64($0.score) }), \(bind: Self.settledFacts(of: ticket, rules: rules)),
                    \(bind: try Self.json(ticket)))
                RETURNING id
                """
            ).first()
            ticket.id = try row!.int("id")
            ChangeMarks.note(.tickets)
            try await Self.insert(change.events, ticketId: ticket.id, on: db)
            try await Self.insert(
                attachments, ticketId: ticket.id, by: ticket.createdById, now: draft.submittedAt, on: db)
            try await dialect.writeSearchDocument(
                SearchDocument(ticket: ticket, events: change.events, attachmentTexts: attachments.compactMap(\.text)),
                ticketId: ticket.id, replacing: false, on: db)
            try await Self.writeOutbox(change.notices, ticketId: ticket.id, now: draft.submittedAt, on: db)
            return StoredChange(
                change: TicketChange(
                    ticket: ticket, events: change.events, notices: change.notices, attachments: attachments),
                rules: rules)
        }
    }

    public func ticket(number: String) async throws -> Ticket? {
        try await database.read { db in
            try await db.raw("SELECT id, doc FROM tickets WHERE number = \(bind: number)").first().map(
                Self.ticket(from:))
        }
    }

    public func updateTicket(
        number: String, _ change: @escaping @Sendable (Ticket, TicketRules) throws -> TicketChange
    ) async throws -> StoredChange {
        try await updateTickets(numbers: [number]) { ticket, rules, _ in try change(ticket, rules) }[0]
    }

    public func updateTickets(
        numbers: [String], _ change: @escaping @Sendable (Ticket, TicketRules, [TicketChange]) throws -> TicketChange?
    ) async throws -> [StoredChange] {
        let dialect = database.dialect
        return try await write { db in
            var results: [StoredChange] = []
            for number in numbers {
                guard
                    let row = try await db.raw(
                        "SELECT id, sla_policy_id, doc FROM tickets WHERE number = \(bind: number)\(unsafeRaw: dialect.forUpdate)"
                    ).first()
                else { throw StoreError.notFound("ticket") }
                // Cached nearly always; a miss loads on this transaction's own connection, so a
                // transaction never waits for a second pooled one.
                let rules = try await self.rules(policyId: try row.int("sla_policy_id"), on: db)
                let current = try Self.ticket(from: row)
                guard let changed = try change(current, rules, results.map(\.change)) else { continue }
                // Timers that came due by this change's time (or were not yet seen by the scheduler) fire with it.
                let (result, nextTimer) = try await Self.planAndRun(
                    on: changed, ticketId: current.id, rules: rules, now: changed.ticket.updatedAt, on: db)
                try await Self.writeDocument(
                    of: result.ticket, rules: rules, now: result.ticket.updatedAt, nextTimer: nextTimer, on: db)
                try await Self.insert(result.events, ticketId: current.id, on: db)
                try await Self.apply(result.scrub, ticketId: current.id, on: db)
                try await Self.insert(
                    result.attachments, ticketId: current.id, by: result.events.first?.actorId ?? 0,
                    now: result.ticket.updatedAt, on: db)
                try await Self.reindexIfChanged(from: current, to: result, dialect: dialect, on: db)
                try await Self.writeOutbox(result.notices, ticketId: current.id, now: result.ticket.updatedAt, on: db)
                results.append(StoredChange(change: result, rules: rules))
            }
            return results
        }
    }

    /// Writes the ticket document and every column derived from it, in one statement; `nextTimer`
    /// is the first timer of the plan the caller made (see `planAndRun`).
    static func writeDocument(
        of ticket: Ticket, rules: TicketRules, now: Date, nextTimer: Date?, on db: any SQLDatabase
    ) async throws {
        let due = DueColumns(ticket: ticket, rules: rules, now: now, nextTimer: nextTimer)
        try await db.raw(
            """
            UPDATE tickets SET title = \(bind: ticket.title), status = \(bind: ticket.status.rawValue),
                is_open = \(bind: ticket.status.isOpen.sqlValue), priority = \(bind: ticket.priority.rawValue),
                tier = \(bind: ticket.tier.rawValue), type = \(bind: ticket.type.rawValue),
                category_id = \(bind: ticket.categoryId), subcategory_id = \(bind: ticket.subcategoryId),
                group_id = \(bind: ticket.groupId), assignee_id = \(bind: ticket.assigneeId),
                requester_user_id = \(bind: ticket.requester.userId), requester_name = \(bind: ticket.requester.name),
                requester_department = \(bind: ticket.requester.department),
                requester_external = \(bind: ticket.requester.external.sqlValue), updated_at = \(bind: ticket.updatedAt.millis),
                response_due_at = \(bind: due.responseDue), responded_at = \(bind: due.responded),
                resolution_due_at = \(bind: due.resolutionDue), resolved_at = \(bind: due.resolved),
                next_due_at = \(bind: due.nextDue), next_timer_at = \(bind: due.nextTimer),
                major_incident_number = \(bind: ticket.majorIncidentNumber), pending_extension = \(bind: due.pendingExtension),
                breach_cause = \(bind: ticket.breachCause),
                priority_matrix_version = \(bind: Int64(ticket.gradedUnderMatrixVersion)),
                report_description = \(bind: Masking.text(ticket.description)),
                satisfaction_score = \(bind: ticket.satisfaction.map { Int64($0.score) }),
                report_facts = \(bind: settledFacts(of: ticket, rules: rules)),
                version = \(bind: Int64(ticket.version)), sla = \(bind: try json(ticket.sla)), doc = \(bind: try json(ticket))
            WHERE id = \(bind: ticket.id)
            """
        ).run()
        ChangeMarks.note(.tickets)
    }

    /// The stored facts of a resolved ticket (M028); nil while it is open.
    static func settledFacts(of ticket: Ticket, rules: TicketRules) -> String? {
        SettledFacts(ticket: ticket, policy: rules.policy, calendar: rules.calendar)?.text
    }

    static func writeDueColumns(of ticket: Ticket, rules: TicketRules, now: Date, on db: any SQLDatabase) async throws {
        try await writeDueColumns(
            of: ticket, rules: rules, now: now, nextTimer: SLAEngine.nextTimer(for: ticket, rules: rules), on: db)
    }

    /// The same, with the next timer already planned.
    static func writeDueColumns(
        of ticket: Ticket, rules: TicketRules, now: Date, nextTimer: Date?, on db: any SQLDatabase
    ) async throws {
        let due = DueColumns(ticket: ticket, rules: rules, now: now, nextTimer: nextTimer)
        try await db.raw(
            """
            UPDATE tickets SET response_due_at = \(bind: due.responseDue), resolution_due_at = \(bind: due.resolutionDue),
                next_due_at = \(bind: due.nextDue), next_timer_at = \(bind: due.nextTimer)
            WHERE id = \(bind: ticket.id)
            """
        ).run()
        ChangeMarks.note(.tickets)
    }

    static func insert(_ events: [TicketEvent], ticketId: Int64, on db: any SQLDatabase) async throws {
        for event in events {
            try await db.raw(
                """
                INSERT INTO ticket_events (ticket_id, kind, action, from_status, to_status, actor_id, actor_name, at,
                    reason, body, visibility, data)
                VALUES (\(bind: ticketId), \(bind: event.kind.rawValue), \(bind: event.action?.rawValue),
                    \(bind: event.fromStatus?.rawValue), \(bind: event.toStatus?.rawValue), \(bind: event.actorId),
                    \(bind: event.actorName), \(bind: event.at.millis), \(bind: event.reason), \(bind: event.body),
                    \(bind: event.visibility.rawValue), \(bind: try json(event.data)))
                """
            ).run()
        }
    }

    public func events(ticketId: Int64, includeInternal: Bool) async throws -> [TicketEvent] {
        try await database.read { db in
            try await Self.loadEvents(ticketId: ticketId, includeInternal: includeInternal, on: db)
        }
    }

    static func loadEvents(ticketId: Int64, includeInternal: Bool, on db: any SQLDatabase) async throws -> [TicketEvent]
    {
        var sql: SQLQueryString = "SELECT * FROM ticket_events WHERE ticket_id = \(bind: ticketId)"
        if !includeInternal { sql += " AND visibility = 'public'" }
        sql += " ORDER BY id"
        return try await db.raw(sql).all().map(Self.event(from:))
    }

    static func event(from row: any SQLRow) throws -> TicketEvent {
        var event = TicketEvent(
            id: try row.int("id"), kind: TicketEvent.Kind(rawValue: try row.string("kind")) ?? .worklog,
            action: try row.optionalString("action").flatMap(WorkflowAction.init(rawValue:)),
            fromStatus: try row.optionalString("from_status").flatMap(TicketStatus.init(rawValue:)),
            toStatus: try row.optionalString("to_status").flatMap(TicketStatus.init(rawValue:)),
            actor: Principal(id: try row.int("actor_id"), name: try row.string("actor_name"), role: .requester),
            at: Date(millis: try row.int("at")), reason: try row.optionalString("reason"),
            body: try row.optionalString("body"),
            visibility: TicketEvent.Visibility(rawValue: try row.string("visibility")) ?? .internal,
            data: try Self.decode([String: String].self, json: try row.string("data")))
        event.id = try row.int("id")
        return event
    }

    public func tickets(_ query: TicketQuery, now: Date) async throws -> TicketPage {
        let dialect = database.dialect
        return try await database.read { db in
            var sql: SQLQueryString = """
                SELECT id, number, title, type, status, priority, tier, category_id, subcategory_id, group_id,
                    assignee_id, requester_user_id, requester_name, requester_external, submitted_at, updated_at,
                    sla_policy_id, breach_cause, sla
                FROM tickets WHERE 1 = 1
                """
            sql += Self.scopeCondition(query.scope)
            // A single value is compared with `=` so the (column, id) index also yields the id order.
            if let status = query.statuses.first, query.statuses.count == 1 {
                sql += " AND status = \(bind: status.rawValue)"
            } else if !query.statuses.isEmpty {
                sql += " AND status IN (\(binds: query.statuses.map(\.rawValue)))"
            }
            if let priority = query.priorities.first, query.priorities.count == 1 {
                sql += " AND priority = \(bind: priority.rawValue)"
            } else if !query.priorities.isEmpty {
                sql += " AND priority IN (\(binds: query.priorities.map(\.rawValue)))"
            }
            if let id = query.categoryId { sql += " AND (category_id = \(bind: id) OR subcategory_id = \(bind: id))" }
            if let id = query.groupId { sql += " AND group_id = \(bind: id)" }
            if let id = query.assigneeId { sql += " AND assignee_id = \(bind: id)" }
            if query.unassigned { sql += " AND assignee_id IS NULL" }
            if let id = query.requesterId { sql += " AND requester_user_id = \(bind: id)" }
            if let channel = query.channel { sql += " AND channel = \(bind: channel.rawValue)" }
            if query.overdue {
                sql += " AND next_due_at < \(bind: now.millis)"
            }
            if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                // The search index, as `GET /search` uses it; an exact number also finds its ticket.
                if let search = SearchQuery(text) {
                    sql +=
                        " AND (number = \(bind: text) OR id IN (\(Self.searchIds(search, scope: query.scope, dialect: dialect))))"
                } else {
                    sql += " AND number = \(bind: text)"
                }
            }
            let limit = max(1, min(query.limit, 200))
            switch query.order {
            case .newest:
                if let before = query.before { sql += " AND id < \(bind: before)" }
                // Overdue tickets are few: `+id` stops the planner from walking the whole table in id
                // order hunting for them, so it uses the next-due index and sorts the few it finds.
                sql += query.overdue ? " ORDER BY +id DESC" : " ORDER BY id DESC"
            case .due:
                // Soonest due first, tickets without a running target last, then by id; the
                // cursor is the last ticket's id, whose position is looked up again. The key is
                // spelled as the index `tickets_due_order` (M014) spells it.
                let key = "COALESCE(next_due_at, \(Int64.max))"
                if let after = query.before {
                    sql += """
                         AND (\(unsafeRaw: key) > (SELECT \(unsafeRaw: key) FROM tickets WHERE id = \(bind: after))
                            OR (\(unsafeRaw: key) = (SELECT \(unsafeRaw: key) FROM tickets WHERE id = \(bind: after))
                                AND id > \(bind: after)))
                        """
                }
                sql += " ORDER BY \(unsafeRaw: key), id"
            }
            sql += " LIMIT \(literal: limit + 1)"
            let rows = try await db.raw(sql).all()
            let tickets = try rows.prefix(limit).map(Self.summary(from:))
            let next = rows.count > limit ? tickets.last?.id : nil
            return TicketPage(tickets: tickets, nextCursor: next)
        }
    }

    /// ` AND …` limiting tickets (their columns prefixed with `table`) to a list scope.
    static func scopeCondition(_ scope: Access.ListScope, table: String = "") -> SQLQueryString {
        let t = table.isEmpty ? "" : table + "."
        switch scope {
        case .all: return ""
        case .requester(let id, let department?):
            return
                " AND (\(unsafeRaw: t)requester_user_id = \(bind: id) OR \(unsafeRaw: t)requester_department = \(bind: department))"
        case .requester(let id, nil): return " AND \(unsafeRaw: t)requester_user_id = \(bind: id)"
        case .agent(let id, let groupIds):
            if groupIds.isEmpty { return " AND \(unsafeRaw: t)assignee_id = \(bind: id)" }
            return
                " AND (\(unsafeRaw: t)assignee_id = \(bind: id) OR \(unsafeRaw: t)group_id IN (\(binds: groupIds.sorted())))"
        }
    }

    /// The ticket document of a row, with the row's id.
    static func ticket(from row: any SQLRow) throws -> Ticket {
        var ticket = try decode(Ticket.self, json: try row.string("doc"))
        ticket.id = try row.int("id")
        return ticket
    }

    /// A queue row from the columns and the small SLA document, without the full ticket.
    static func summary(from row: any SQLRow) throws -> TicketSummary {
        TicketSummary(
            id: try row.int("id"), number: try row.string("number"), title: try row.string("title"),
            type: TicketType(rawValue: try row.string("type")) ?? .request,
            status: TicketStatus(rawValue: try row.string("status")) ?? .new,
            priority: Priority(rawValue: try row.string("priority")) ?? .p3,
            tier: Tier(rawValue: try row.string("tier")) ?? .l1, categoryId: try row.optionalInt("category_id"),
            subcategoryId: try row.optionalInt("subcategory_id"), groupId: try row.optionalInt("group_id"),
            assigneeId: try row.optionalInt("assignee_id"), requesterUserId: try row.optionalInt("requester_user_id"),
            requesterName: try row.string("requester_name"), requesterExternal: try row.int("requester_external") != 0,
            submittedAt: Date(millis: try row.int("submitted_at")), updatedAt: Date(millis: try row.int("updated_at")),
            slaPolicyId: try row.int("sla_policy_id"), sla: try decode(SLATrack.self, json: try row.string("sla")),
            breachCause: try row.optionalString("breach_cause"))
    }
}

/// The SLA columns the overdue filter and later schedulers query. While the resolution clock
/// is paused the due time moves with the clock, so only an already-passed due time is stored.
/// `nextDue` is the earliest target still unmet on an open ticket, so "overdue" is one index range.
struct DueColumns {
    var responseDue: Int64?
    var responded: Int64?
    var resolutionDue: Int64?
    var resolved: Int64?
    /// The next timed event the scheduler must fire (SLAEngine), open or resolved tickets alike.
    var nextTimer: Int64?
    var pendingExtension: Int64
    var nextDue: Int64? {
        guard isOpen else { return nil }
        return [responded == nil ? responseDue : nil, resolutionDue].compactMap { $0 }.min()
    }
    private var isOpen: Bool

    init(ticket: Ticket, rules: TicketRules, now: Date, nextTimer: Date?) {
        isOpen = ticket.status.isOpen
        self.nextTimer = nextTimer?.millis
        pendingExtension = (ticket.extensions ?? []).contains { $0.status == .pending }.sqlValue
        let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        responseDue = state.responseDueAt.millis
        responded = state.respondedAt?.millis
        resolved = state.resolvedAt?.millis
        if state.resolvedAt != nil {
            resolutionDue = nil
        } else if state.paused {
            resolutionDue = state.resolutionRemainingMinutes <= 0 ? state.resolutionDueAt?.millis : nil
        } else {
            resolutionDue = state.resolutionDueAt?.millis
        }
    }
}
