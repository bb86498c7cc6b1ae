import Crypto
import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    /// A write transaction that also appends the audit entries of the surrounding
    /// ``AuditTrail/recording(_:_:)`` scope, if any, before it commits.
    /// Likewise, inside a ``MailTrail/processing(messageId:fields:now:notices:_:)`` scope, the
    /// first transaction that stores a ticket change marks the message processed with it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let pending = AuditTrail.pending
        let mail = MailTrail.pending
        guard pending != nil || mail != nil else { return try await database.transaction(body) }
        let dialect = database.dialect
        let attempt = WriteAttempt()
        return try await database.transaction { db in
            let result = try await body(db)
            if let mail, let ticket = Self.storedTicket(in: result), mail.take(by: attempt) {
                try await Self.markProcessed(mail, ticket: ticket, on: db, dialect: dialect)
            }
            if let pending { try await Self.append(pending.take(result, by: attempt), on: db, dialect: dialect) }
            return result
        }
    }

    /// The ticket a write stored: a created or changed ticket, or the first of a cascade.
    static func storedTicket(in result: some Sendable) -> Ticket? {
        if let stored = result as? StoredChange { return stored.change.ticket }
        if let stored = result as? [StoredChange] { return stored.first?.change.ticket }
        return nil
    }

    static func markProcessed(_ mark: PendingMailMark, ticket: Ticket, on db: any SQLDatabase, dialect: Dialect)
        async throws
    {
        guard
            try await writeFields(
                id: mark.id, status: .processed, ticketId: ticket.id, fields: mark.fields, now: mark.now,
                onlyIfReceived: true, on: db)
        else { throw MailAlreadyProcessed() }
        if let conversation = mark.conversation {
            try await Self.saveIMConversation(conversation, ticketId: ticket.id, on: db, dialect: dialect)
        }
        try await Self.writeOutbox(mark.notices(ticket), ticketId: ticket.id, now: mark.now, on: db)
    }

    public func appendAudit(_ entries: [AuditEntry]) async throws {
        guard !entries.isEmpty else { return }
        let dialect = database.dialect
        try await database.transaction { db in try await Self.append(entries, on: db, dialect: dialect) }
    }

    /// Links each entry to the last row's hash. On PostgreSQL an advisory lock held to commit
    /// serialises appenders, so ids follow the chain; SQLite has one writer anyway.
    static func append(_ entries: [AuditEntry], on db: any SQLDatabase, dialect: Dialect) async throws {
        guard !entries.isEmpty else { return }
        if dialect == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(724202)").run() }
        var previous =
            try await db.raw("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").first().map {
                try $0.string("hash")
            }
            ?? ""
        for entry in entries {
            let hash = AuditChain.hash(previous: previous, content: entry.canonicalContent)
            try await db.raw(
                """
                INSERT INTO audit_log (at, actor_id, actor_name, action, subject_id, ticket_number, target, detail,
                    previous_hash, hash)
                VALUES (\(bind: entry.atMillis), \(bind: entry.actorId), \(bind: entry.actorName),
                    \(bind: entry.action.rawValue), \(bind: entry.subjectId), \(bind: entry.ticketNumber),
                    \(bind: entry.target), \(bind: try json(entry.detail)), \(bind: previous), \(bind: hash))
                """
            ).run()
            previous = hash
        }
    }

    public func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await database.read { db in
            var sql: SQLQueryString = "SELECT * FROM audit_log WHERE 1 = 1"
            if let subject = query.subjectId { sql += " AND subject_id = \(bind: subject)" }
            if let actor = query.actorId { sql += " AND actor_id = \(bind: actor)" }
            if let since = query.since { sql += " AND at >= \(bind: since.millis)" }
            if let until = query.until { sql += " AND at < \(bind: until.millis)" }
            if let before = query.before { sql += " AND id < \(bind: before)" }
            sql += " ORDER BY id DESC LIMIT \(literal: query.limit)"
            return try await db.raw(sql).all().map(Self.auditEntry(from:))
        }
    }

    public func verifyAuditChain() async throws -> AuditVerification {
        var previous = ""
        var checked = 0
        var after: Int64 = 0
        while true {
            let from = after
            let page = try await database.read { db in
                try await db.raw("SELECT * FROM audit_log WHERE id > \(bind: from) ORDER BY id LIMIT 1000").all()
                    .map(Self.auditEntry(from:))
            }
            guard let last = page.last else { break }
            for entry in page {
                let expected = AuditChain.hash(previous: previous, content: entry.canonicalContent)
                guard entry.previousHash == previous, entry.hash == expected else {
                    return AuditVerification(checked: checked, firstBrokenId: entry.id)
                }
                previous = entry.hash
                checked += 1
            }
            after = last.id
        }
        return AuditVerification(checked: checked, firstBrokenId: nil)
    }

    static func auditEntry(from row: any SQLRow) throws -> AuditEntry {
        guard let action = AuditAction(rawValue: try row.string("action")) else {
            throw StoreError.invalidReference("action")
        }
        return AuditEntry(
            id: try row.int("id"), at: Date(millis: try row.int("at")), actorId: try row.optionalInt("actor_id"),
            actorName: try row.string("actor_name"), action: action, subjectId: try row.optionalInt("subject_id"),
            ticketNumber: try row.optionalString("ticket_number"), target: try row.optionalString("target"),
            detail: try decode([String: String].self, json: try row.string("detail")),
            previousHash: try row.string("previous_hash"), hash: try row.string("hash"))
    }
}

/// The audit log's chain: each row's hash covers the previous row's hash and its own content.
public enum AuditChain {
    public static func hash(previous: String, content: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(previous.utf8))
        hasher.update(data: Data("\n".utf8))
        hasher.update(data: Data(content.utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
