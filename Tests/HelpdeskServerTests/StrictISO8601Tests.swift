import Foundation
import Testing

@testable import HelpdeskServer

@Suite("RFC 3339 date-times in request bodies")
struct StrictISO8601Tests {
    static let valid: [(String, String)] = [
        ("2026-11-23T15:00:00+08:00", "2026-11-23T07:00:00Z"),
        ("2026-11-23T07:00:00Z", "2026-11-23T07:00:00Z"),
        ("2026-11-23t07:00:00z", "2026-11-23T07:00:00Z"),
        ("2024-02-29T23:59:59-05:30", "2024-03-01T05:29:59Z"),
        ("2026-01-01T00:00:00.250Z", "2026-01-01T00:00:00Z"),
    ]

    @Test("valid instants read as Foundation reads them", arguments: valid)
    func validInstants(text: String, utc: String) throws {
        let date = try #require(StrictISO8601.date(from: text))
        #expect(ISO8601DateFormatter().string(from: date) == utc)
    }

    @Test("fractional seconds are kept")
    func fraction() throws {
        let date = try #require(StrictISO8601.date(from: "2026-01-01T00:00:00.250Z"))
        #expect(abs(date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) - 0.25) < 0.000_001)
    }

    static let invalid = [
        "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-23T25:00:00Z",
        "2026-11-23T10:61:00Z", "2026-11-23T10:00:61Z", "2026-11-23T10:00:00", "2026-11-23 10:00:00Z",
        "2026-11-23T10:00:00+25:00", "2026-11-23T10:00:00.Z", "2026-11-23", "", "二〇二六-11-23T10:00:00Z",
        "2026-02-30T25:61:61Z",
    ]

    @Test("impossible or incomplete values are refused, not rolled over", arguments: invalid)
    func invalidInstants(text: String) {
        #expect(StrictISO8601.date(from: text) == nil)
    }
}
