import Foundation
import HelpdeskCore
import Testing

enum TicketNumberFixture {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let utc = TimeZone(identifier: "UTC")!

    /// `"2023-10-01T02:00:00Z"` as an instant.
    static func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
}

struct TicketNumberRenderCase: Sendable, CustomTestStringConvertible {
    var pattern: String
    /// UTC instant.
    var at: String
    var sequence: Int
    var expected: String
    var testDescription: String { "\(pattern) #\(sequence) at \(at) → \(expected)" }
}

struct TicketNumberScopeCase: Sendable, CustomTestStringConvertible {
    var pattern: String
    var first: String
    var second: String
    var sameScope: Bool
    var testDescription: String { "\(pattern): \(first) vs \(second)" }
}

@Suite("Ticket number format")
struct TicketNumberFormatTests {
    static let renderCases: [TicketNumberRenderCase] = [
        // The formats R1.4 quotes, at 10:00 Shanghai time
        .init(pattern: "TS{yyyyMMdd}{seq:3}", at: "2023-10-01T02:00:00Z", sequence: 1, expected: "TS20231001001"),
        .init(pattern: "IT{yyyyMMdd}{seq:3}", at: "2024-05-01T02:00:00Z", sequence: 1, expected: "IT20240501001"),
        .init(pattern: "{yyyyMM}-{seq:3}", at: "2023-10-15T02:00:00Z", sequence: 1, expected: "202310-001"),
        .init(pattern: "TS-{yyyyMMdd}-{seq}", at: "2023-10-01T02:00:00Z", sequence: 7, expected: "TS-20231001-7"),
        .init(pattern: "{yy}{MM}{dd}{seq:4}", at: "2023-10-01T02:00:00Z", sequence: 42, expected: "2310010042"),
        // Late evening UTC is already the next day in Shanghai (UTC+8)
        .init(pattern: "IT{yyyyMMdd}{seq:3}", at: "2024-04-30T16:30:00Z", sequence: 1, expected: "IT20240501001"),
        .init(pattern: "TS{yyyyMMdd}{seq:3}", at: "2023-09-30T23:59:00Z", sequence: 12, expected: "TS20231001012"),
        .init(pattern: "{yyyyMM}-{seq:3}", at: "2023-10-31T16:00:00Z", sequence: 5, expected: "202311-005"),
        .init(pattern: "{yy}{MM}{dd}{seq:4}", at: "2023-12-31T16:00:00Z", sequence: 9, expected: "2401010009"),
        // 15:59 UTC is still the same day in Shanghai (23:59)
        .init(pattern: "TS{yyyyMMdd}{seq:3}", at: "2023-10-01T15:59:00Z", sequence: 3, expected: "TS20231001003"),
        // A serial wider than its width is never truncated
        .init(pattern: "TS{yyyyMMdd}{seq:3}", at: "2023-10-01T02:00:00Z", sequence: 1000, expected: "TS202310011000"),
        .init(
            pattern: "TS-{yyyyMMdd}-{seq}", at: "2023-10-01T02:00:00Z", sequence: 12345, expected: "TS-20231001-12345"),
        .init(pattern: "{yyyyMM}-{seq:3}", at: "2023-10-15T02:00:00Z", sequence: 999, expected: "202310-999"),
        // Other date tokens and literals
        .init(pattern: "{yyMMdd}#{seq:2}", at: "2026-03-04T02:00:00Z", sequence: 3, expected: "260304#03"),
        .init(
            pattern: "HD_{yyyy}.{MM}/{seq:5}", at: "2026-03-04T02:00:00Z", sequence: 77, expected: "HD_2026.03/00077"),
        .init(pattern: "T{seq:9}", at: "2026-03-04T02:00:00Z", sequence: 1, expected: "T000000001"),
    ]

    @Test("R1.4 numbers render in Shanghai time", arguments: renderCases)
    func render(_ c: TicketNumberRenderCase) throws {
        let format = try TicketNumberFormat(c.pattern)
        let date = TicketNumberFixture.instant(c.at)
        #expect(format.render(date: date, sequence: c.sequence, timeZone: TicketNumberFixture.shanghai) == c.expected)
    }

    @Test("R1.4 the same instant renders the previous day in UTC")
    func renderInUTC() throws {
        let format = try TicketNumberFormat("IT{yyyyMMdd}{seq:3}")
        let lateEvening = TicketNumberFixture.instant("2024-04-30T16:30:00Z")
        #expect(format.render(date: lateEvening, sequence: 1, timeZone: TicketNumberFixture.utc) == "IT20240430001")
        #expect(
            format.render(date: lateEvening, sequence: 1, timeZone: TicketNumberFixture.shanghai) == "IT20240501001")
    }

    @Test(
        "R1.4 the scope is the number without its serial",
        arguments: [
            ("TS{yyyyMMdd}{seq:3}", "TS20231001"), ("{yyyyMM}-{seq:3}", "202310-"),
            ("TS-{yyyyMMdd}-{seq}", "TS-20231001-"),
            ("{yy}{MM}{dd}{seq:4}", "231001"), ("T{seq:5}", "T"),
        ])
    func scopeIsPrefix(pattern: String, scope: String) throws {
        let format = try TicketNumberFormat(pattern)
        let date = TicketNumberFixture.instant("2023-10-01T02:00:00Z")
        let zone = TicketNumberFixture.shanghai
        #expect(format.scope(for: date, timeZone: zone) == scope)
        #expect(format.render(date: date, sequence: 42, timeZone: zone).hasPrefix(scope))
    }

    static let scopeCases: [TicketNumberScopeCase] = [
        // Daily patterns restart each local day
        .init(
            pattern: "TS{yyyyMMdd}{seq:3}", first: "2023-10-01T01:00:00Z", second: "2023-10-01T15:59:00Z",
            sameScope: true),
        .init(
            pattern: "TS{yyyyMMdd}{seq:3}", first: "2023-10-01T15:59:00Z", second: "2023-10-01T16:00:00Z",
            sameScope: false),
        .init(
            pattern: "TS-{yyyyMMdd}-{seq}", first: "2023-10-01T02:00:00Z", second: "2023-10-02T02:00:00Z",
            sameScope: false),
        .init(
            pattern: "{yy}{MM}{dd}{seq:4}", first: "2023-10-01T02:00:00Z", second: "2024-10-01T02:00:00Z",
            sameScope: false),
        // Monthly patterns restart each local month
        .init(
            pattern: "{yyyyMM}-{seq:3}", first: "2023-10-01T02:00:00Z", second: "2023-10-31T15:00:00Z", sameScope: true),
        .init(
            pattern: "{yyyyMM}-{seq:3}", first: "2023-10-31T15:00:00Z", second: "2023-10-31T16:00:00Z", sameScope: false
        ),
        .init(
            pattern: "{yyyyMM}-{seq:3}", first: "2023-12-15T02:00:00Z", second: "2024-12-15T02:00:00Z", sameScope: false
        ),
        // Without a date the serial never restarts
        .init(pattern: "T{seq:5}", first: "2023-10-01T02:00:00Z", second: "2025-06-01T02:00:00Z", sameScope: true),
    ]

    @Test("R1.4 the serial restarts when the date part changes", arguments: scopeCases)
    func scopeChanges(_ c: TicketNumberScopeCase) throws {
        let format = try TicketNumberFormat(c.pattern)
        let zone = TicketNumberFixture.shanghai
        let first = format.scope(for: TicketNumberFixture.instant(c.first), timeZone: zone)
        let second = format.scope(for: TicketNumberFixture.instant(c.second), timeZone: zone)
        #expect((first == second) == c.sameScope)
    }

    @Test(
        "R1.4 invalid patterns are rejected with the specific error",
        arguments: [
            ("", TicketNumberFormatError.invalidLength),
            (String(repeating: "A", count: 36) + "{seq}", .invalidLength),
            ("TS{yyyyMMdd}", .needsOneSequence),
            ("TS-", .needsOneSequence),
            ("{seq}{seq:2}", .needsOneSequence),
            ("TS{seq:3}-{seq}", .needsOneSequence),
            ("TS{seq:3}{yyyyMMdd}", .sequenceMustBeLast),
            ("{seq}-X", .sequenceMustBeLast),
            ("TS{date}{seq}", .unknownToken("date")),
            ("TS{YYYY}{seq}", .unknownToken("YYYY")),
            ("{}{seq}", .unknownToken("")),
            ("TS{seq:0}", .unknownToken("seq:0")),
            ("TS{seq:10}", .unknownToken("seq:10")),
            ("TS{seq:x}", .unknownToken("seq:x")),
            ("TS{seq:+3}", .unknownToken("seq:+3")),
            ("TS{yyyyMMdd", .unclosedToken),
            ("TS{yyyyMMdd}{seq", .unclosedToken),
            ("TS {seq}", .invalidCharacter(" ")),
            ("工单{seq}", .invalidCharacter("工")),
            ("TS}{seq}", .invalidCharacter("}")),
            ("TS:{seq}", .invalidCharacter(":")),
        ])
    func invalidPatterns(pattern: String, error: TicketNumberFormatError) {
        #expect(throws: error) { try TicketNumberFormat(pattern) }
    }

    @Test("A pattern of exactly 40 characters is accepted")
    func maximumLength() throws {
        let pattern = String(repeating: "A", count: 29) + "{yyyy}{seq}"
        #expect(pattern.count == 40)
        let format = try TicketNumberFormat(pattern)
        #expect(format.pattern == pattern)
    }

    @Test("The default is TS + date + three-digit serial")
    func defaultFormat() throws {
        #expect(TicketNumberFormat.default.pattern == "TS{yyyyMMdd}{seq:3}")
        #expect(TicketNumberFormat.default == (try TicketNumberFormat("TS{yyyyMMdd}{seq:3}")))
    }

    @Test(
        "Codable: a format is encoded as its pattern string and decodes back",
        arguments: [
            "TS{yyyyMMdd}{seq:3}", "IT{yyyyMMdd}{seq:3}", "{yyyyMM}-{seq:3}", "TS-{yyyyMMdd}-{seq}",
            "{yy}{MM}{dd}{seq:4}",
        ])
    func codableRoundTrip(pattern: String) throws {
        // given
        let format = try TicketNumberFormat(pattern)

        // when
        let data = try JSONEncoder().encode([format])
        let decoded = try JSONDecoder().decode([TicketNumberFormat].self, from: data)

        // then
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [pattern])
        #expect(decoded == [format])
        let date = TicketNumberFixture.instant("2023-10-01T02:00:00Z")
        #expect(
            decoded[0].render(date: date, sequence: 8, timeZone: TicketNumberFixture.shanghai)
                == format.render(date: date, sequence: 8, timeZone: TicketNumberFixture.shanghai))
    }

    @Test(
        "Codable: decoding an invalid pattern fails with a data-corrupted error",
        arguments: [#"["TS{yyyyMMdd}"]"#, #"["{seq}-X"]"#, #"["TS{bad}{seq}"]"#, #"[""]"#])
    func decodingRejectsBadPattern(json: String) {
        #expect {
            _ = try JSONDecoder().decode([TicketNumberFormat].self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted = error else { return false }
            return true
        }
    }

    @Test("Codable: a pattern must be a string")
    func decodingRejectsNonString() {
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode([TicketNumberFormat].self, from: Data("[42]".utf8))
        }
    }
}
