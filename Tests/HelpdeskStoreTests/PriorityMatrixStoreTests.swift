import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import SQLKit
import Testing

@testable import HelpdeskStore

@Suite("Priority matrix versions in the store (R2.4, M013)")
struct PriorityMatrixStoreTests {
    static let allLow = try! PriorityMatrix(
        Dictionary(
            uniqueKeysWithValues: Impact.allCases.map { impact in
                (impact, Dictionary(uniqueKeysWithValues: Urgency.allCases.map { ($0, Priority.p3) }))
            }))

    @Test("R2.4 a new desk has the default matrix as version 1, saved by nobody", arguments: TestStores.kinds)
    func freshDesk(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let current = try await store.currentPriorityMatrix()
            #expect(current.version == 1)
            #expect(current.matrix == .default)
            #expect(current.savedById == nil)
            #expect(try await store.priorityMatrixVersions().map(\.version) == [1])
            #expect(try await store.priorityMatrixVersion(2) == nil)
        }
    }

    @Test(
        "R2.4 each save is a new immutable version with who, when and the note; tickets keep theirs",
        arguments: TestStores.kinds)
    func versions(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: a ticket graded under version 1
            let admin = try #require(try await store.users(role: .admin, groupId: nil).first)
            let requester = Requester(userId: nil, name: "张小明")
            let now = Shanghai.date("2026-03-04 09:00")
            let before = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: requester, impact: .high, urgency: .high), by: admin.actor,
                at: now)
            #expect(before.priorityMatrixVersion == 1 && before.priority == .p0)

            // when
            let saved = try await store.addPriorityMatrixVersion(
                Self.allLow, note: "季度评审", by: admin.id, now: now.addingTimeInterval(60))

            // then
            #expect(saved.version == 2)
            #expect(saved.savedByName == admin.displayName)
            #expect(try await store.currentPriorityMatrix() == saved)
            #expect(try await store.priorityMatrixVersion(1)?.matrix == .default)
            let listed = try await store.priorityMatrixVersions()
            #expect(listed.map(\.version) == [1, 2])
            #expect(listed[1] == saved)
            let after = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: requester, impact: .high, urgency: .high), by: admin.actor,
                at: now.addingTimeInterval(120))
            #expect(after.priorityMatrixVersion == 2 && after.priority == .p3)
            #expect(try await store.ticket(number: before.number)?.priorityMatrixVersion == 1)
            let columns = try await store.database.read { db in
                try await db.raw("SELECT number, priority_matrix_version FROM tickets ORDER BY id").all().map {
                    try $0.decode(column: "priority_matrix_version", as: Int64.self)
                }
            }
            #expect(columns == [1, 2])
        }
    }

    @Test(
        "R2.4 M013: the matrix a desk had saved in its settings becomes version 1",
        arguments: TestStores.kinds)
    func upgradeKeepsTheSavedMatrix(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: a ticket, then the database as it was before M013, with a matrix saved in the settings
            let admin = try #require(try await store.users(role: .admin, groupId: nil).first)
            let old = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: Requester(userId: nil, name: "张小明")), by: admin.actor,
                at: Date())
            try await store.database.transaction { db in
                try await db.raw("DROP TABLE priority_matrix_versions").run()
                try await db.raw("DELETE FROM schema_migrations WHERE version = 13").run()
                try await db.raw(
                    """
                    INSERT INTO settings (key, value, updated_at)
                    VALUES ('priority_matrix', \(bind: String(decoding: try JSONEncoder().encode(Self.allLow), as: UTF8.self)), 1700000000000)
                    """
                ).run()
            }
            // and a ticket recorded then, without the column
            try await store.database.transaction { db in
                try await db.raw("ALTER TABLE tickets DROP COLUMN priority_matrix_version").run()
            }

            // when
            #expect(try await Migrations.run(on: store.database) == [13])

            // then
            let fresh = SQLStore(database: store.database)
            let first = try await fresh.currentPriorityMatrix()
            #expect(first.version == 1)
            #expect(first.matrix == Self.allLow)
            #expect(first.savedAt == Date(millis: 1_700_000_000_000))
            #expect(try await fresh.setting("priority_matrix", as: PriorityMatrix.self) == nil)
            let version = try await store.database.read { db in
                try await db.raw("SELECT priority_matrix_version FROM tickets WHERE number = \(bind: old.number)")
                    .first()?.decode(column: "priority_matrix_version", as: Int64.self)
            }
            #expect(version == 1)
        }
    }

    @Test(
        "R2.4 saves from two instances at once get consecutive numbers, none twice",
        arguments: TestStores.kinds)
    func concurrentSaves(kind: StoreKind) async throws {
        let check: @Sendable ([SQLStore]) async throws -> Void = { stores in
            // when: ten saves from each instance at once
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, store) in stores.enumerated() {
                    for n in 0..<10 {
                        group.addTask {
                            try await store.addPriorityMatrixVersion(
                                n.isMultiple(of: 2) ? .default : Self.allLow, note: "instance \(index) save \(n)",
                                by: nil, now: Date()
                            ).version
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then
            let expected = Array(2...(1 + 10 * stores.count))
            #expect(numbers.sorted() == expected)
            #expect(try await stores[0].priorityMatrixVersions().map(\.version) == [1] + expected)
        }
        switch kind {
        case .sqlite:
            try await TestStores.with(.sqlite) { store in try await check([store]) }
        case .postgres:
            try await TestStores.withEmptyPostgres { url in
                let databases = try (0..<2).map { _ in
                    try PostgresDatabase(url: url, maxConnections: 8, logger: TestStores.logger)
                }
                let runners = databases.map { database in Task { try await database.run() } }
                defer { for runner in runners { runner.cancel() } }
                let first = try await TestStores.prepared(databases[0], seedHash: TestStores.adminHash)
                try await check([first, SQLStore(database: databases[1])])
            }
        }
    }
}
