import Foundation
import HelpdeskTestSupport
import Testing

@testable import HelpdeskCore

@Suite("Local time for exports: the quick formatter writes what the calendar writes")
struct LocalTimeFormatterTests {
    /// Zones with daylight saving, half- and quarter-hour offsets, a half-hour shift (Lord Howe)
    /// and the date line moved (Apia, 2011).
    static let zones = [
        "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
        "America/St_Johns", "Pacific/Chatham", "Pacific/Apia", "UTC",
    ]

    @Test("random instants from 1970 to 2100, in order and out of order", arguments: zones)
    func randomInstants(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let calendar = LocalTimeText.gregorian(timeZone)
        var formatter = LocalTimeFormatter(timeZone: timeZone)
        var random = SeededRandom(seed: UInt64(zone.utf8.count))
        var differences: [String] = []
        var instant = 1_700_000_000.0
        for index in 0..<20_000 {
            // mostly near the last (as an export's rows are), now and then anywhere
            instant =
                index % 10 == 0
                ? Double.random(in: 0..<4_102_444_800, using: &random)
                : instant + Double.random(in: -7_200..<7_200, using: &random)
            let date = Date(timeIntervalSince1970: max(0, instant))
            let expected = LocalTimeText.format(date, with: calendar)
            if formatter.format(date) != expected { differences.append("\(date.timeIntervalSince1970) \(expected)") }
        }
        #expect(differences == [])
    }

    @Test("every minute around the year's offset changes", arguments: zones)
    func aroundChanges(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let calendar = LocalTimeText.gregorian(timeZone)
        var formatter = LocalTimeFormatter(timeZone: timeZone)
        var differences: [String] = []
        var date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00 UTC
        for _ in 0..<4 {
            guard let change = timeZone.nextDaylightSavingTimeTransition(after: date) else { break }
            for minute in -90...90 {
                let instant = change.addingTimeInterval(Double(minute * 60) + 17.5)
                let expected = LocalTimeText.format(instant, with: calendar)
                if formatter.format(instant) != expected { differences.append("\(instant) \(expected)") }
            }
            date = change
        }
        #expect(differences == [])
    }
}
