import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func calendars() async throws -> [CalendarRecord] {
        try await database.read { db in
            try await db.raw("SELECT id, name, definition, updated_at FROM calendars ORDER BY id").all()
                .map(Self.calendarRecord(from:))
        }
    }

    /// Inserts (id 0) or replaces a calendar. Open tickets' stored due columns are recomputed
    /// in the same transaction so the overdue filter follows the new calendar.
    public func saveCalendar(_ record: CalendarRecord, now: Date) async throws -> CalendarRecord {
        let engine = try await engineSettings()
        let saved = try await reportingDuplicates("name") {
            try await write { db in
                if try await db.raw(
                    "SELECT id FROM calendars WHERE name = \(bind: record.name) AND id <> \(bind: record.id)"
                ).first() != nil {
                    throw StoreError.duplicate("name")
                }
                var saved = record
                saved.updatedAt = now
                let definition = try Self.json(record.calendar)
                if record.id == 0 {
                    let row = try await db.raw(
                        """
                        INSERT INTO calendars (name, definition, updated_at)
                        VALUES (\(bind: record.name), \(bind: definition), \(bind: now.millis)) RETURNING id
                        """
                    ).first()
                    saved.id = try row!.int("id")
                    return saved
                }
                guard try await db.raw("SELECT id FROM calendars WHERE id = \(bind: record.id)").first() != nil else {
                    throw StoreError.notFound("calendar")
                }
                try await db.raw(
                    """
                    UPDATE calendars SET name = \(bind: record.name), definition = \(bind: definition),
                        updated_at = \(bind: now.millis) WHERE id = \(bind: record.id)
                    """
                ).run()
                let policies = try await db.raw("SELECT id FROM sla_policies WHERE calendar_id = \(bind: record.id)")
                    .all()
                    .map { try $0.int("id") }
                for policyId in policies {
                    let policy = try await self.policyRecord(id: policyId, on: db)
                    let rules = TicketRules(policy: policy.policy, calendar: record.calendar, engine: engine)
                    // A calendar change applies to the whole history (SLATrack), so the stored
                    // facts of its tickets go, to be filled again (M028).
                    try await db.raw(
                        "UPDATE tickets SET report_facts = NULL WHERE sla_policy_id = \(bind: policyId) AND report_facts IS NOT NULL"
                    ).run()
                    let rows = try await db.raw(
                        "SELECT id, doc FROM tickets WHERE status NOT IN ('closed', 'archived') AND sla_policy_id = \(bind: policyId)"
                    ).all()
                    for row in rows {
                        let ticket = try Self.ticket(from: row)
                        try await Self.writeDueColumns(of: ticket, rules: rules, now: now, on: db)
                    }
                }
                return saved
            }
        }
        calendarCache.invalidate(saved.id)
        return saved
    }

    public func slaPolicies() async throws -> [SLAPolicyRecord] {
        try await database.read { db in
            try await db.raw(
                "SELECT id, version, name, definition, calendar_id, created_at FROM sla_policies ORDER BY version"
            ).all().map(Self.policyRecord(from:))
        }
    }

    public func currentSLAPolicy() async throws -> SLAPolicyRecord? {
        try await currentPolicyCache.value(0) { try await loadCurrentSLAPolicy() }
    }

    func loadCurrentSLAPolicy() async throws -> SLAPolicyRecord? {
        try await database.read { db in
            try await db.raw(
                "SELECT id, version, name, definition, calendar_id, created_at FROM sla_policies ORDER BY version DESC LIMIT 1"
            ).first().map(Self.policyRecord(from:))
        }
    }

    /// Saving a policy always adds a version; tickets keep the one they opened under (R2.4).
    public func addSLAPolicyVersion(
        name: String, policy: SLAPolicy, calendarId: Int64, by userId: Int64?, now: Date
    ) async throws -> SLAPolicyRecord {
        defer { currentPolicyCache.invalidateAll() }
        // Two admins saving at once both read the same latest version; the loser gets a 409.
        return try await reportingDuplicates("version") {
            try await insertPolicyVersion(name: name, policy: policy, calendarId: calendarId, by: userId, now: now)
        }
    }

    private func insertPolicyVersion(
        name: String, policy: SLAPolicy, calendarId: Int64, by userId: Int64?, now: Date
    ) async throws -> SLAPolicyRecord {
        try await write { db in
            guard try await db.raw("SELECT id FROM calendars WHERE id = \(bind: calendarId)").first() != nil else {
                throw StoreError.invalidReference("calendarId")
            }
            let latest = try await db.raw("SELECT MAX(version) AS v FROM sla_policies").first()!.optionalInt("v") ?? 0
            let row = try await db.raw(
                """
                INSERT INTO sla_policies (version, name, definition, calendar_id, created_at, created_by)
                VALUES (\(bind: latest + 1), \(bind: name), \(bind: try Self.json(policy)), \(bind: calendarId),
                    \(bind: now.millis), \(bind: userId))
                RETURNING id
                """
            ).first()
            return SLAPolicyRecord(
                id: try row!.int("id"), version: Int(latest + 1), name: name, policy: policy, calendarId: calendarId,
                createdAt: now)
        }
    }

    public func rules(policyId: Int64) async throws -> TicketRules {
        try await rules(policyId: policyId, on: nil)
    }

    /// The rules from the caches; a miss reads on `db` when given (inside a transaction) or on
    /// a reader connection.
    func rules(policyId: Int64, on db: (any SQLDatabase)?) async throws -> TicketRules {
        let policy = try await policyCache.value(policyId) {
            try await withConnection(db) { db in try await self.policyRecord(id: policyId, on: db) }
        }
        let calendar = try await calendarCache.value(policy.calendarId) {
            try await withConnection(db) { db in
                guard
                    let row = try await db.raw(
                        "SELECT id, name, definition, updated_at FROM calendars WHERE id = \(bind: policy.calendarId)"
                    ).first()
                else { throw StoreError.notFound("calendar") }
                return try Self.calendarRecord(from: row)
            }
        }
        let desk = try await deskSettings(on: db)
        let engine = try await engineSettings(on: db)
        let verified = TicketRules.verificationCategoryIds(in: try await categories(on: db))
        return TicketRules(
            policy: policy.policy, calendar: calendar.calendar, reopenWindow: desk.reopenWindow, engine: engine,
            verificationCategoryIds: verified)
    }

    func policyRecord(id: Int64, on db: any SQLDatabase) async throws -> SLAPolicyRecord {
        guard
            let row = try await db.raw(
                "SELECT id, version, name, definition, calendar_id, created_at FROM sla_policies WHERE id = \(bind: id)"
            ).first()
        else { throw StoreError.notFound("sla_policy") }
        return try Self.policyRecord(from: row)
    }

    public func setting<T: Codable & Sendable>(_ key: String, as type: T.Type) async throws -> T? {
        try await setting(key, as: type, on: nil)
    }

    /// Cached decoded, keyed by type as well, so a hot path pays neither the query nor the JSON;
    /// a miss reads on `db` when given.
    func setting<T: Codable & Sendable>(_ key: String, as type: T.Type, on db: (any SQLDatabase)?) async throws -> T? {
        let value = try await settingsCache.value("\(key)|\(T.self)") {
            try await withConnection(db) { db in try await Self.storedSetting(key, as: T.self, on: db) }
        }
        return value as? T
    }

    public func setSetting<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws {
        try await setSettings([(key, try Self.json(value))], now: now)
    }

    /// Writes several settings (key, JSON) in one transaction: all of them or none.
    func setSettings(_ values: [(key: String, json: String)], now: Date) async throws {
        defer { settingsCache.invalidateAll() }
        try await write { db in
            for (key, json) in values {
                try await db.raw(
                    """
                    INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: json), \(bind: now.millis))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """
                ).run()
            }
        }
    }

    static func calendarRecord(from row: any SQLRow) throws -> CalendarRecord {
        CalendarRecord(
            id: try row.int("id"), name: try row.string("name"),
            calendar: try decode(BusinessCalendar.self, json: try row.string("definition")),
            updatedAt: Date(millis: try row.int("updated_at")))
    }

    static func policyRecord(from row: any SQLRow) throws -> SLAPolicyRecord {
        SLAPolicyRecord(
            id: try row.int("id"), version: Int(try row.int("version")), name: try row.string("name"),
            policy: try decode(SLAPolicy.self, json: try row.string("definition")),
            calendarId: try row.int("calendar_id"), createdAt: Date(millis: try row.int("created_at")))
    }
}
