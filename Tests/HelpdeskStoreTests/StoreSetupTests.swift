import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Migrations, seed data and configuration records")
struct StoreSetupTests {
    @Test(
        "migrations are idempotent and the seed holds groups, category tree, calendar and policy",
        arguments: TestStores.kinds)
    func seedData(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            #expect(try await Migrations.run(on: store.database).isEmpty)
            #expect(try await store.groups().map(\.name) == ["运维组", "培训组", "开发组", "网络运维组", "硬件支持组"])
            let categories = try await store.categories()
            let top = categories.filter { $0.parentId == nil }.map(\.name)
            #expect(top == ["系统故障", "操作指导", "环境配置", "需求对接"])
            let fault = categories.first { $0.name == "系统故障" }!
            #expect(categories.filter { $0.parentId == fault.id }.map(\.name) == ["软件bug", "数据异常", "接口问题"])
            #expect(try await store.currentSLAPolicy()?.version == 1)
            #expect(try await store.calendars().first?.calendar == .standard)
            #expect(try await Seeder.seedIfEmpty(store, adminPasswordHash: "x", now: Date()) == false)
        }
    }

    @Test("R2.1 the category tree has two levels and unique sibling names", arguments: TestStores.kinds)
    func categoryTreeRules(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let sub = try await store.categories().first { $0.name == "软件bug" }!
            await #expect(throws: StoreError.invalidReference("parentId")) {
                try await store.saveCategory(TicketCategory(parentId: sub.id, name: "第三层"))
            }
            await #expect(throws: StoreError.duplicate("name")) {
                try await store.saveCategory(TicketCategory(parentId: sub.parentId, name: "软件bug"))
            }
            // the other taxonomy (R2.1) is one call per node away
            let hardware = try await store.saveCategory(TicketCategory(name: "硬件", nameEn: "Hardware"))
            let printer = try await store.saveCategory(TicketCategory(parentId: hardware.id, name: "打印机"))
            #expect(try await store.category(id: printer.id)?.parentId == hardware.id)
        }
    }

    @Test("users: unique usernames, tokens expire and can be revoked", arguments: TestStores.kinds)
    func usersAndTokens(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let agent = try await TicketFactory.user(in: store, "li.lei", role: .agent, tier: .l2, groups: [1, 2])
            #expect(try await store.user(id: agent.id)?.groupIds == [1, 2])
            await #expect(throws: StoreError.duplicate("username")) {
                try await TicketFactory.user(in: store, "li.lei", role: .agent)
            }
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            try await store.storeToken(digest: "d1", userId: agent.id, createdAt: now, expiresAt: now + 60)
            #expect(try await store.user(tokenDigest: "d1", now: now + 59)?.username == "li.lei")
            #expect(try await store.user(tokenDigest: "d1", now: now + 61) == nil)
            try await store.revokeToken(digest: "d1", at: now + 1)
            #expect(try await store.user(tokenDigest: "d1", now: now + 2) == nil)
            #expect(try await store.users(role: .agent, groupId: 2).map(\.username) == ["li.lei"])
        }
    }

    @Test("R2.4 a ticket keeps the policy version it was opened under", arguments: TestStores.kinds)
    func policyVersions(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            let old = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester, urgency: .high), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            var stricter = SLAPolicy.default
            stricter.targets = stricter.targets.map {
                var targets = $0
                if targets.priority == .p1 { targets.response = .hours(2, mode: .business) }
                return targets
            }
            let v2 = try await store.addSLAPolicyVersion(
                name: "2027Q1", policy: stricter, calendarId: 1, by: 1, now: Date())
            #expect(v2.version == 2)
            let new = try await TicketFactory.create(
                in: store, TicketFactory.input(requester: admin.asRequester, urgency: .high), by: admin.actor,
                at: Shanghai.date("2026-11-23 10:00"))
            #expect(try await store.ticket(number: old.number)?.slaPolicyId == 1)
            #expect(new.slaPolicyId == v2.id)
            let oldRules = try await store.rules(policyId: 1)
            let newRules = try await store.rules(policyId: v2.id)
            let at = Shanghai.date("2026-11-23 10:00")
            #expect(
                old.sla.state(at: at, policy: oldRules.policy, calendar: oldRules.calendar).responseDueAt
                    == Shanghai.date("2026-11-23 15:00"))
            #expect(
                new.sla.state(at: at, policy: newRules.policy, calendar: newRules.calendar).responseDueAt
                    == Shanghai.date("2026-11-23 12:00"))
        }
    }

    @Test("settings round-trip as JSON", arguments: TestStores.kinds)
    func settings(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            #expect(try await store.setting("ticket_number_format", as: TicketNumberFormat.self) == .default)
            let it = try TicketNumberFormat("IT{yyyyMMdd}{seq:3}")
            try await store.setSetting("ticket_number_format", it, now: Date())
            #expect(try await store.setting("ticket_number_format", as: TicketNumberFormat.self) == it)
            #expect(try await store.setting("missing", as: Int.self) == nil)
        }
    }
}

@Suite("PostgreSQL connection problems")
struct PostgresConnectionTests {
    @Test("a server that never answers is reported after the timeout, not waited on forever")
    func unreachableServer() async throws {
        let database = try PostgresDatabase(url: "postgres://nobody@127.0.0.1:1/none", logger: TestStores.logger)
        let runner = Task { try await database.run() }
        defer { runner.cancel() }
        await #expect(throws: DatabaseError.self) { try await database.checkConnection(timeout: .milliseconds(500)) }
    }

    @Test("a unique-key race is reported as a duplicate, never as a database error", arguments: TestStores.kinds)
    func uniqueRaceIsDuplicate(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given eight writers creating one username at once
            let results = await withTaskGroup(of: Result<User, any Error>.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        do {
                            return .success(
                                try await store.createUser(
                                    User(username: "same", displayName: "同名\(index)", role: .requester),
                                    passwordHash: TestStores.adminHash, now: Date()))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            // then one wins and every other one is told the username is taken
            #expect(results.filter { (try? $0.get()) != nil }.count == 1)
            for case .failure(let error) in results { #expect(error as? StoreError == .duplicate("username")) }
        }
    }
}
