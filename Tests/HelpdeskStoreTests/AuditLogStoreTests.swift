import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import SQLKit
import Testing

@Suite("R9.5 the audit log: append-only, hash-chained, written with the change")
struct AuditLogStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func entry(_ n: Int, subject: Int64? = 7) -> AuditEntry {
        AuditEntry(
            at: t0.addingTimeInterval(Double(n)), actorId: 1, actorName: "管理员", action: .ticketViewed,
            subjectId: subject, ticketNumber: "INC-\(n)", detail: ["n": String(n), "note": "a|b=c\\d"])
    }

    @Test("R9.5 a chain of entries verifies; a row edited by hand breaks it at that row", arguments: TestStores.kinds)
    func chainBreaksOnEdit(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            for n in 1...5 { try await store.appendAudit([Self.entry(n)]) }
            try await store.appendAudit([Self.entry(6), Self.entry(7, subject: 8)])
            #expect(try await store.verifyAuditChain() == AuditVerification(checked: 7, firstBrokenId: nil))
            let rows = try await store.auditEntries(AuditQuery(limit: 100))
            #expect(rows.map(\.ticketNumber) == (1...7).reversed().map { "INC-\($0)" })
            #expect(rows.first?.previousHash == rows.dropFirst().first?.hash)
            // the table refuses changes
            await #expect(throws: (any Error).self) {
                try await store.database.transaction { db in
                    try await db.raw("UPDATE audit_log SET actor_name = 'x'").run()
                }
            }
            await #expect(throws: (any Error).self) {
                try await store.database.transaction { db in try await db.raw("DELETE FROM audit_log").run() }
            }
            // when someone with the database's own rights removes the guard and edits a row
            let third = rows.first { $0.ticketNumber == "INC-3" }!.id
            try await store.database.transaction { db in
                switch store.database.dialect {
                case .sqlite: try await db.raw("DROP TRIGGER audit_log_no_update").run()
                case .postgres: try await db.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").run()
                }
                try await db.raw("UPDATE audit_log SET subject_id = 99 WHERE id = \(bind: third)").run()
            }
            // then
            #expect(try await store.verifyAuditChain() == AuditVerification(checked: 2, firstBrokenId: third))
        }
    }

    @Test("R9.5 a change and its entry commit together, or neither does", arguments: TestStores.kinds)
    func sameTransaction(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let now = Self.t0
            let draft: AuditTrail.Draft = { result in
                AuditEntry(
                    at: now, actorId: 1, actorName: "管理员", action: .userCreated, subjectId: (result as? User)?.id)
            }
            let created = try await AuditTrail.recording(draft) {
                try await store.createUser(
                    User(username: "zhang", displayName: "张三", role: .requester), passwordHash: "x", now: now)
            }
            // a duplicate username rolls back, and its entry with it
            await #expect(throws: StoreError.duplicate("username")) {
                try await AuditTrail.recording(
                    AuditEntry(at: now, actorId: 1, actorName: "管理员", action: .userCreated, target: "again")
                ) {
                    try await store.createUser(
                        User(username: "zhang", displayName: "张三", role: .requester), passwordHash: "x", now: now)
                }
            }
            let entries = try await store.auditEntries(AuditQuery(limit: 10))
            #expect(entries.map(\.subjectId) == [created.id])
            #expect(entries.map(\.action) == [.userCreated])
            // a write outside any recording scope leaves no entry
            _ = try await store.saveGroup(SupportGroup(id: 0, name: "值班组"), now: now)
            #expect(try await store.auditEntries(AuditQuery(limit: 10)).count == 1)
        }
    }

    /// SQLite commits queued writes in groups and, when one of them fails, rolls the group back
    /// and runs each again alone: the entries of the writes that succeed on the second run
    /// are still written (they were lost when the first run had used them up).
    @Test("R9.5 concurrent changes among failing ones each keep their entry", arguments: TestStores.kinds)
    func concurrentWithFailures(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let now = Self.t0
            _ = try await store.createUser(
                User(username: "taken", displayName: "占用", role: .requester), passwordHash: "x", now: now)
            let created = try await withThrowingTaskGroup(of: Int64?.self) { group in
                for n in 0..<40 {
                    group.addTask {
                        let username = n.isMultiple(of: 4) ? "taken" : "user\(n)"
                        let draft: AuditTrail.Draft = { result in
                            AuditEntry(
                                at: now, actorId: 1, actorName: "管理员", action: .userCreated,
                                subjectId: (result as? User)?.id)
                        }
                        do {
                            return try await AuditTrail.recording(draft) {
                                try await store.createUser(
                                    User(username: username, displayName: "用户", role: .requester), passwordHash: "x",
                                    now: now
                                ).id
                            }
                        } catch StoreError.duplicate {
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: [Int64]()) { ids, id in if let id { ids.append(id) } }
            }
            #expect(created.count == 30)
            let entries = try await store.auditEntries(AuditQuery(limit: 100))
            #expect(Set(entries.compactMap(\.subjectId)) == Set(created))
            #expect(entries.count == 30)
        }
    }

    @Test("R9.5 filters: subject, actor, period and cursor", arguments: TestStores.kinds)
    func filters(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            for n in 1...10 { try await store.appendAudit([Self.entry(n, subject: n.isMultiple(of: 2) ? 2 : 3)]) }
            let even = try await store.auditEntries(AuditQuery(subjectId: 2, limit: 3))
            #expect(even.map(\.ticketNumber) == ["INC-10", "INC-8", "INC-6"])
            let next = try await store.auditEntries(AuditQuery(subjectId: 2, before: even.last!.id, limit: 3))
            #expect(next.map(\.ticketNumber) == ["INC-4", "INC-2"])
            let period = try await store.auditEntries(
                AuditQuery(since: Self.t0.addingTimeInterval(3), until: Self.t0.addingTimeInterval(5), limit: 50))
            #expect(period.map(\.ticketNumber) == ["INC-4", "INC-3"])
            #expect(try await store.auditEntries(AuditQuery(actorId: 2, limit: 50)).isEmpty)
        }
    }
}
