import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("Ticket numbering on each store")
struct TicketNumberingTests {
    @Test("R1.4 200 concurrent creates get 200 distinct, gap-free numbers", arguments: TestStores.kinds)
    func concurrentCreatesAreGapFree(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given
            let admin = try await store.user(id: 1)!
            let now = Shanghai.date("2026-11-23 10:00")
            // when
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let input = TicketFactory.input(title: "并发工单 \(index)", requester: admin.asRequester)
                        return try await TicketFactory.create(in: store, input, by: admin.actor, at: now).number
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            // then
            let expected = (1...200).map { "TS20261123" + String(format: "%03d", $0) }
            #expect(Set(numbers).count == 200)
            #expect(numbers.sorted() == expected)
        }
    }

    @Test("R1.4 the serial restarts when the date part changes", arguments: TestStores.kinds)
    func serialRestartsPerScope(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let admin = try await store.user(id: 1)!
            let input = TicketFactory.input(requester: admin.asRequester)
            let monthly = try TicketNumberFormat("{yyyyMM}-{seq:3}")
            var numbers: [String] = []
            for (when, format) in [
                ("2026-11-23 23:59", TicketNumberFormat.default), ("2026-11-23 23:59", .default),
                ("2026-11-24 00:00", .default), ("2026-11-30 12:00", monthly), ("2026-11-30 13:00", monthly),
                ("2026-12-01 08:00", monthly),
            ] {
                numbers.append(
                    try await TicketFactory.create(
                        in: store, input, by: admin.actor, at: Shanghai.date(when), format: format
                    ).number)
            }
            #expect(
                numbers == [
                    "TS20261123001", "TS20261123002", "TS20261124001", "202611-001", "202611-002", "202612-001",
                ])
        }
    }
}
