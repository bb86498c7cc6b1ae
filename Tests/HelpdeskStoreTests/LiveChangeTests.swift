import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskStore

@Suite("Live changes: what committed transactions tell open pages (queues, board, inbox)")
struct LiveChangeTests {
    @Test(
        "A created ticket, a delivered notice and a notice read are published after commit", arguments: TestStores.kinds
    )
    func publishedAfterCommit(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let recorder = StreamRecorder(store.live.subscribe())
            defer { recorder.stop() }
            let admin = try await store.user(id: 1)!
            let boss = try await TicketFactory.user(in: store, "boss", role: .supervisor)
            let now = Date()
            // a P0 ticket: the lists change, and its alert reaches the supervisor's inbox once dispatched
            try await TicketFactory.create(
                in: store,
                TicketFactory.input(title: "支付通道中断", requester: admin.asRequester, impact: .high, urgency: .high),
                by: admin.actor, at: now)
            #expect(await recorder.waitFor { $0.contains(.tickets) })
            #expect(!recorder.elements.contains(.inbox(userId: boss.id)))
            while try await store.dispatchNotifications(now: now, limit: 100, email: false) > 0 {}
            #expect(await recorder.waitFor { $0.contains(.inbox(userId: boss.id)) })
            // reading it changes the unread count again; reading nothing changes nothing
            let before = recorder.elements.count
            #expect(try await store.markRead(userId: boss.id, ids: nil, now: now) > 0)
            #expect(await recorder.waitFor { $0.count > before })
            #expect(recorder.elements.last == .inbox(userId: boss.id))
            #expect(try await store.markRead(userId: boss.id, ids: nil, now: now) == 0)
        }
    }

    @Test("A rolled-back transaction publishes nothing of what it noted", arguments: TestStores.kinds)
    func rolledBackIsSilent(kind: StoreKind) async throws {
        struct Abort: Error {}
        try await TestStores.with(kind) { store in
            let recorder = StreamRecorder(store.live.subscribe())
            defer { recorder.stop() }
            await #expect(throws: Abort.self) {
                try await store.database.transaction { _ in
                    ChangeMarks.note(.inbox(userId: 41))
                    throw Abort()
                }
            }
            try await store.database.transaction { _ in ChangeMarks.note(.inbox(userId: 42)) }
            #expect(await recorder.waitFor { $0.contains(.inbox(userId: 42)) })
            #expect(!recorder.elements.contains(.inbox(userId: 41)))
        }
    }

    @Test("On PostgreSQL a change made through one instance reaches the pages of another")
    func acrossInstances() async throws {
        guard TestStores.postgresURL != nil else { return }
        try await TestStores.withEmptyPostgres { url in
            let first = try PostgresDatabase(url: url, maxConnections: 4, logger: TestStores.logger)
            let second = try PostgresDatabase(url: url, maxConnections: 4, logger: TestStores.logger)
            let runners = [Task { try await first.run() }, Task { try await second.run() }]
            defer { for runner in runners { runner.cancel() } }
            let writer = try await TestStores.prepared(first, seedHash: TestStores.adminHash)
            let reader = SQLStore(database: second)
            let recorder = StreamRecorder(reader.live.subscribe())
            defer { recorder.stop() }
            // once the second instance's listener is connected, what the first commits arrives there
            var arrived = false
            for _ in 0..<50 where !arrived {
                try await writer.database.transaction { _ in ChangeMarks.note(.inbox(userId: 7)) }
                arrived = await recorder.waitFor(.milliseconds(200)) { $0.contains(.inbox(userId: 7)) }
            }
            #expect(arrived)
            let ticketChanges = recorder.elements.filter { $0 == .tickets }.count
            let admin = try await writer.user(id: 1)!
            try await TicketFactory.create(
                in: writer, TicketFactory.input(requester: admin.asRequester), by: admin.actor, at: Date())
            #expect(await recorder.waitFor { $0.filter { $0 == .tickets }.count > ticketChanges })
        }
    }

    @Test(
        "The NOTIFY payload round-trips and splits below PostgreSQL's limit",
        arguments: [
            [LiveChange.tickets],
            [.inbox(userId: 1), .tickets, .inbox(userId: 9_007_199_254_740_993)],
            (1...3000).map { LiveChange.inbox(userId: Int64($0)) },
        ])
    func payloads(changes: [LiveChange]) {
        let payloads = LiveChange.payloads(changes)
        #expect(payloads.allSatisfy { $0.utf8.count <= 7_900 })
        #expect(payloads.flatMap(LiveChange.parse) == changes)
        #expect(LiveChange.parse("t,x:1,i:abc,i:5") == [.tickets, .inbox(userId: 5)])
    }
}
