import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func createProblem(_ problem: ProblemRecord) async throws -> ProblemRecord {
        try await write { db in
            var created = problem
            created.id = try await db.raw(
                """
                INSERT INTO problems (status, title, doc, owner_id, version, created_at, updated_at)
                VALUES (\(bind: problem.status.rawValue), \(bind: problem.title), '{}', \(bind: problem.ownerId),
                    \(bind: Int64(problem.version)), \(bind: problem.createdAt.millis), \(bind: problem.updatedAt.millis))
                RETURNING id
                """
            ).first()!.int("id")
            // The document holds its id too, so it is written once the id is known.
            try await db.raw("UPDATE problems SET doc = \(bind: try Self.json(created)) WHERE id = \(bind: created.id)")
                .run()
            try await Self.linkProblem(created.id, created.ticketNumbers, replacing: false, on: db)
            return created
        }
    }

    public func problem(id: Int64) async throws -> ProblemRecord? {
        try await database.read { db in
            try await db.raw("SELECT doc FROM problems WHERE id = \(bind: id)").first().map(Self.problem(from:))
        }
    }

    public func saveProblem(_ problem: ProblemRecord, expectedVersion: Int, now: Date) async throws -> ProblemRecord {
        try await write { db in
            var saved = problem
            // No version reaches the largest integer: one that claims it is simply not current.
            saved.version = expectedVersion == .max ? expectedVersion : expectedVersion + 1
            saved.updatedAt = now
            let updated = try await db.raw(
                """
                UPDATE problems SET status = \(bind: saved.status.rawValue), title = \(bind: saved.title),
                    doc = \(bind: try Self.json(saved)), owner_id = \(bind: saved.ownerId),
                    version = \(bind: Int64(saved.version)), updated_at = \(bind: now.millis)
                WHERE id = \(bind: problem.id) AND version = \(bind: Int64(expectedVersion))
                    AND version < \(bind: Int64.max) RETURNING id
                """
            ).first()
            guard updated != nil else {
                guard let row = try await db.raw("SELECT version FROM problems WHERE id = \(bind: problem.id)").first()
                else { throw StoreError.notFound("problem") }
                throw ProblemVersionConflict(current: Int(try row.int("version")))
            }
            try await Self.linkProblem(saved.id, saved.ticketNumbers, replacing: true, on: db)
            return saved
        }
    }

    public func problems(statuses: [ProblemStatus], limit: Int, offset: Int) async throws
        -> (items: [ProblemRecord], more: Bool)
    {
        let limit = max(1, min(limit, 100))
        return try await database.read { db in
            var sql: SQLQueryString = "SELECT doc FROM problems"
            if !statuses.isEmpty { sql += " WHERE status IN (\(binds: statuses.map(\.rawValue)))" }
            sql += " ORDER BY updated_at DESC, id DESC LIMIT \(literal: limit + 1) OFFSET \(literal: max(0, offset))"
            let rows = try await db.raw(sql).all()
            return (try rows.prefix(limit).map(Self.problem(from:)), rows.count > limit)
        }
    }

    public func problemTickets(numbers: [String]) async throws -> [LinkedTicket] {
        guard !numbers.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT number, title, status, requester_user_id, is_open, submitted_at FROM tickets
                WHERE number IN (\(binds: numbers)) ORDER BY number
                """
            ).all().map {
                LinkedTicket(
                    number: try $0.string("number"), title: try $0.string("title"),
                    status: TicketStatus(rawValue: try $0.string("status")) ?? .new,
                    requesterUserId: try $0.optionalInt("requester_user_id"), isOpen: try $0.int("is_open") != 0,
                    submittedAt: Date(millis: try $0.int("submitted_at")))
            }
        }
    }

    public func problems(ticketNumber: String) async throws -> [ProblemRecord] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT p.doc FROM problems p JOIN problem_tickets t ON t.problem_id = p.id
                WHERE t.ticket_number = \(bind: ticketNumber) ORDER BY p.id DESC
                """
            ).all().map(Self.problem(from:))
        }
    }

    public func problemsForDetection() async throws -> [ProblemRecord] {
        try await database.read { db in
            try await db.raw("SELECT doc FROM problems WHERE status NOT IN ('resolved', 'closed') ORDER BY id").all()
                .map(Self.problem(from:))
        }
    }

    public func detectionCandidates(since: Date, limit: Int) async throws -> [RecurrenceDetection.Candidate] {
        try await database.read { db in
            let rows = try await db.raw(
                """
                SELECT id, doc FROM tickets WHERE submitted_at >= \(bind: since.millis)
                ORDER BY submitted_at DESC, id DESC LIMIT \(literal: max(1, limit))
                """
            ).all()
            return try rows.map { row in
                let ticket = try Self.ticket(from: row)
                return RecurrenceDetection.Candidate(
                    number: ticket.number, submittedAt: ticket.submittedAt, categoryId: ticket.categoryId,
                    system: ticket.affectedSystem, text: ticket.title + "\n" + ticket.description)
            }
        }
    }

    public func claimDetectionRun(now: Date, every: TimeInterval) async throws -> Bool {
        let next = now.addingTimeInterval(every).millis
        return try await write { db in
            try await db.raw(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (\(bind: Self.detectionKey), \(bind: String(next)),
                    \(bind: now.millis))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                WHERE CAST(settings.value AS BIGINT) <= \(bind: now.millis)
                RETURNING key
                """
            ).first() != nil
        }
    }

    static let detectionKey = "problems.detection_due_at"

    public func recurringProblems(from: Date, until: Date, groupId: Int64?, assigneeId: Int64?, limit: Int)
        async throws -> [(problem: ProblemRecord, tickets: Int)]
    {
        try await database.read { db in
            var sql: SQLQueryString = """
                SELECT p.id, p.doc, COUNT(*) AS tickets FROM problems p
                JOIN problem_tickets pt ON pt.problem_id = p.id JOIN tickets t ON t.number = pt.ticket_number
                WHERE p.status <> 'rejected' AND t.submitted_at >= \(bind: from.millis)
                    AND t.submitted_at < \(bind: until.millis)
                """
            if let groupId { sql += " AND t.group_id = \(bind: groupId)" }
            if let assigneeId { sql += " AND t.assignee_id = \(bind: assigneeId)" }
            sql += " GROUP BY p.id, p.doc ORDER BY tickets DESC, p.id LIMIT \(literal: max(1, limit))"
            return try await db.raw(sql).all().map { (try Self.problem(from: $0), Int(try $0.int("tickets"))) }
        }
    }
    static let detectionLeaseKey = "problems.detection_running_until"

    public func claimDetectionLease(now: Date, until: Date) async throws -> Bool {
        try await write { db in
            try await db.raw(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (\(bind: Self.detectionLeaseKey),
                    \(bind: String(until.millis)), \(bind: now.millis))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                WHERE CAST(settings.value AS BIGINT) <= \(bind: now.millis)
                RETURNING key
                """
            ).first() != nil
        }
    }

    public func releaseDetectionLease(until: Date) async throws {
        try await write { db in
            try await db.raw(
                """
                UPDATE settings SET value = '0'
                WHERE key = \(bind: Self.detectionLeaseKey) AND value = \(bind: String(until.millis))
                """
            ).run()
        }
    }

    static func problem(from row: any SQLRow) throws -> ProblemRecord {
        try decode(ProblemRecord.self, json: try row.string("doc"))
    }

    static func linkProblem(_ id: Int64, _ numbers: [String], replacing: Bool, on db: any SQLDatabase) async throws {
        if replacing { try await db.raw("DELETE FROM problem_tickets WHERE problem_id = \(bind: id)").run() }
        for number in Set(numbers) {
            try await db.raw(
                "INSERT INTO problem_tickets (problem_id, ticket_number) VALUES (\(bind: id), \(bind: number))"
            ).run()
        }
    }
}
