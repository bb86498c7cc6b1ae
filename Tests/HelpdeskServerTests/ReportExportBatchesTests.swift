import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@Suite("Tracking-table export across many batches (R7.3)")
struct ReportExportBatchesTests {
    @Test(
        "an export read a batch ahead holds every ticket of the period once, in submission order",
        arguments: TestStores.kinds)
    func everyRowOnce(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 09:00")) { api in
            // given: the desk's three tickets and 2 600 copies of one, three batches and more
            let desk = try await ReportAPITests.desk(api)
            let newest = try await api.call(.get, "/api/v1/tickets?limit=1", token: desk.admin)
            let number = try #require(newest.items.first?["number"] as? String)
            let template = try #require(try await api.store.ticket(number: number))
            let copies = try await BulkTickets.insert(2_600, copiesOf: template, prefix: "BK", into: api.store)
            // when: the whole period is exported
            let uri = "/api/v1/reports/tracking?from=2026-11-01T00:00:00%2B08:00&until=2026-12-08T00:00:00%2B08:00"
            let (status, _, bytes) = try await ReportAPITests.raw(
                api, uri + "&format=csv", token: desk.admin, language: "zh-CN")
            #expect(status == .ok)
            // then: one line per ticket, none twice, the copies in the order they were stored
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").dropFirst()
                .filter { !$0.isEmpty }
            let numbers = lines.map { String($0.prefix { $0 != "," }) }
            #expect(numbers.count == 2_603 && Set(numbers).count == 2_603)
            #expect(numbers.filter { $0.hasPrefix("BK") } == copies)
        }
    }
}
