import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Several instances starting on one empty PostgreSQL database")
struct ScaleOutStartTests {
    @Test(
        "four instances migrate and seed together: one admin, five groups, one policy, no failure",
        .enabled(if: TestStores.postgresURL != nil))
    func concurrentFirstStart() async throws {
        try await TestStores.withEmptyPostgres { url in
            // given: four instances' databases and stores on the same empty database
            let config = {
                var config = ServerConfiguration()
                config.databaseURL = url
                config.adminPassword = TestStores.adminPassword
                return config
            }()
            let databases = try (0..<4).map { _ in
                try PostgresDatabase(url: url, maxConnections: 4, logger: TestStores.logger)
            }
            let runners = databases.map { database in Task { try await database.run() } }
            defer { for runner in runners { runner.cancel() } }
            // when: all prepare at once
            try await withThrowingTaskGroup(of: Void.self) { group in
                for database in databases {
                    group.addTask {
                        try await HelpdeskApp.prepare(
                            database, store: SQLStore(database: database), config: config, logger: TestStores.logger)
                    }
                }
                try await group.waitForAll()
            }
            // then
            let store = SQLStore(database: databases[0])
            #expect(try await store.users(role: .admin, groupId: nil).map(\.username) == ["admin"])
            #expect(try await store.groups().count == 5)
            #expect(try await store.slaPolicies().count == 1)
            #expect(try await Migrations.run(on: databases[0]).isEmpty)
        }
    }
}
