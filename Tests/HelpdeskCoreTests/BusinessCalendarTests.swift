import Foundation
import HelpdeskCore
import Testing

// MARK: - Fixtures shared by the calendar and SLA tests

enum CalendarFixture {
    static let shanghai = "Asia/Shanghai"

    /// Standard hours with 2026 National Day (Thu 10-01 … Wed 10-07) off and Saturday 10-10 worked.
    static let china2026 = BusinessCalendar(
        holidays: Set((1...7).map { LocalDate(year: 2026, month: 10, day: $0) }),
        workingDays: [LocalDate(year: 2026, month: 10, day: 10)])

    /// "2026-03-06 16:00" (local time in `zone`) as an instant.
    static func at(_ text: String, zone: String = shanghai) -> Date {
        let parts = text.split(separator: " ")
        let date = LocalDate(string: String(parts[0]))!
        let time = TimeOfDay(string: String(parts[1]))!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute))!
    }

    static func period(_ start: String, _ end: String) -> WorkingPeriod {
        WorkingPeriod(start: TimeOfDay(string: start)!, end: TimeOfDay(string: end)!)
    }

    static func day(_ text: String) -> LocalDate { LocalDate(string: text)! }
}

private let hour: TimeInterval = 3600
private let minute: TimeInterval = 60

// MARK: - LocalDate, TimeOfDay, WorkingPeriod, WeeklyHours

@Suite("Calendar value types")
struct CalendarValueTests {
    @Test(
        "LocalDate parses only yyyy-MM-dd real dates",
        arguments: [
            ("2026-10-01", true), ("2024-02-29", true), ("2000-02-29", true), ("1900-02-28", true),
            ("2026-12-31", true), ("2026-02-29", false), ("1900-02-29", false), ("2026-13-01", false),
            ("2026-00-10", false), ("2026-04-31", false), ("2026-1-01", false), ("26-10-01", false),
            ("2026/10/01", false), ("", false), ("2026-10-01x", false), ("+026-10-01", false),
            ("2026-10-1 ", false),
        ])
    func localDateParsing(text: String, valid: Bool) {
        let date = LocalDate(string: text)
        #expect((date != nil) == valid)
        if let date { #expect(date.description == text) }
    }

    @Test(
        "LocalDate weekday is Gregorian 1 = Sunday … 7 = Saturday",
        arguments: [
            ("1970-01-01", 5), ("2000-01-01", 7), ("2024-02-29", 5), ("2026-03-06", 6), ("2026-03-08", 1),
            ("2026-10-01", 5), ("2026-10-10", 7), ("2026-10-12", 2), ("1969-12-31", 4),
        ])
    func weekday(text: String, weekday: Int) {
        #expect(CalendarFixture.day(text).weekday == weekday)
    }

    @Test("LocalDate day numbers round-trip and agree with Foundation")
    func dayNumbers() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for n in stride(from: -40_000, through: 40_000, by: 13) {
            let date = LocalDate(daysSinceEpoch: n)
            #expect(date.isValid)
            #expect(date.daysSinceEpoch == n)
            #expect(date.adding(days: 1) > date)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: TimeInterval(n) * 86_400))
            #expect(date == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(date.weekday == parts.weekday!)
        }
    }

    @Test("LocalDate is Codable as a yyyy-MM-dd string; a bad string is a decoding error")
    func localDateCodable() throws {
        let data = try JSONEncoder().encode([CalendarFixture.day("2026-10-01")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10-01"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [CalendarFixture.day("2026-10-01")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }

    @Test(
        "TimeOfDay parses HH:mm with 24:00 as end of day",
        arguments: [
            ("00:00", 0), ("09:00", 540), ("12:30", 750), ("23:59", 1439), ("24:00", 1440), ("24:01", nil),
            ("23:60", nil), ("9:00", nil), ("09:5", nil), ("0900", nil), ("-1:00", nil), ("", nil),
        ] as [(String, Int?)])
    func timeOfDayParsing(text: String, minutes: Int?) {
        let time = TimeOfDay(string: text)
        #expect(time?.minutesSinceMidnight == minutes)
        if let time { #expect(time.description == text) }
    }

    @Test("WorkingPeriod JSON is {start, end} as HH:mm; end must be after start")
    func workingPeriodCodable() throws {
        let data = try JSONEncoder().encode(CalendarFixture.period("09:00", "12:00"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(object == ["start": "09:00", "end": "12:00"])
        #expect(try JSONDecoder().decode(WorkingPeriod.self, from: data) == CalendarFixture.period("09:00", "12:00"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WorkingPeriod.self, from: Data(#"{"start":"12:00","end":"12:00"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WorkingPeriod.self, from: Data(#"{"start":"09:00","end":"25:00"}"#.utf8))
        }
        #expect(WorkingPeriod("13:00", "18:00")?.minutes == 300)
        #expect(WorkingPeriod("18:00", "13:00") == nil)
    }

    @Test(
        "WeeklyHours.standard is Mon–Fri 8 h; allDay is 24 h every day",
        arguments: [(1, 0), (2, 480), (3, 480), (4, 480), (5, 480), (6, 480), (7, 0), (0, 0), (8, 0)])
    func weeklyHours(weekday: Int, minutes: Int) {
        #expect(WeeklyHours.standard.periods(forWeekday: weekday).map(\.minutes).reduce(0, +) == minutes)
        let allDay = (1...7).contains(weekday) ? 1440 : 0
        #expect(WeeklyHours.allDay.periods(forWeekday: weekday).map(\.minutes).reduce(0, +) == allDay)
    }

    @Test("WeeklyHours decodes missing days as non-working")
    func weeklyHoursDecoding() throws {
        let week = try JSONDecoder().decode(
            WeeklyHours.self, from: Data(#"{"saturday":[{"start":"10:00","end":"14:00"}]}"#.utf8))
        #expect(week == WeeklyHours(saturday: [CalendarFixture.period("10:00", "14:00")]))
    }
}

// MARK: - BusinessCalendar

struct CalendarSpanCase: Sendable, CustomTestStringConvertible {
    var name: String
    var from: String
    var to: String
    var hours: Double
    var testDescription: String { name }
}

struct CalendarAddCase: Sendable, CustomTestStringConvertible {
    var name: String
    var start: String
    var seconds: TimeInterval
    var expected: String
    var testDescription: String { name }
}

struct CalendarValidationCase: Sendable, CustomTestStringConvertible {
    var name: String
    var calendar: BusinessCalendar
    var error: CalendarError?
    var testDescription: String { name }
}

@Suite("BusinessCalendar")
struct BusinessCalendarTests {
    let calendar = CalendarFixture.china2026

    @Test(
        "R3.2 working days honour weekends, National Day and the swapped Saturday",
        arguments: [
            ("2026-09-30", true), ("2026-10-01", false), ("2026-10-03", false), ("2026-10-05", false),
            ("2026-10-07", false), ("2026-10-08", true), ("2026-10-09", true), ("2026-10-10", true),
            ("2026-10-11", false), ("2026-10-17", false), ("2026-10-12", true),
        ])
    func workingDays(date: String, working: Bool) {
        #expect(calendar.isWorkingDay(CalendarFixture.day(date)) == working)
    }

    @Test("R3.2 a swapped Saturday uses Monday's hours unless swapDayHours is set")
    func swapDayHours() {
        let saturday = CalendarFixture.day("2026-10-10")
        #expect(
            calendar.workingIntervals(on: saturday) == [
                DateInterval(
                    start: CalendarFixture.at("2026-10-10 09:00"), end: CalendarFixture.at("2026-10-10 12:00")),
                DateInterval(
                    start: CalendarFixture.at("2026-10-10 13:00"), end: CalendarFixture.at("2026-10-10 18:00")),
            ])
        var short = calendar
        short.swapDayHours = [CalendarFixture.period("10:00", "15:00")]
        #expect(
            short.workingIntervals(on: saturday) == [
                DateInterval(start: CalendarFixture.at("2026-10-10 10:00"), end: CalendarFixture.at("2026-10-10 15:00"))
            ])
        #expect(
            short.adding(businessSeconds: 6 * hour, to: CalendarFixture.at("2026-10-09 17:00"))
                == CalendarFixture.at("2026-10-10 15:00"))
        #expect(
            short.adding(businessSeconds: 7 * hour, to: CalendarFixture.at("2026-10-09 17:00"))
                == CalendarFixture.at("2026-10-12 10:00"))
    }

    @Test("localDate(of:) uses the calendar's time zone")
    func localDateOfInstant() {
        let instant = Date(timeIntervalSince1970: 1_790_785_800)  // 2026-09-30T16:30:00Z
        #expect(calendar.localDate(of: instant) == CalendarFixture.day("2026-10-01"))
        var utc = calendar
        utc.timeZoneIdentifier = "UTC"
        #expect(utc.localDate(of: instant) == CalendarFixture.day("2026-09-30"))
    }

    @Test(
        "businessSeconds counts only working time",
        arguments: [
            CalendarSpanCase(name: "within a morning", from: "2026-03-09 09:00", to: "2026-03-09 11:00", hours: 2),
            CalendarSpanCase(name: "across lunch", from: "2026-03-09 11:00", to: "2026-03-09 14:00", hours: 2),
            CalendarSpanCase(name: "lunch only", from: "2026-03-09 12:00", to: "2026-03-09 13:00", hours: 0),
            CalendarSpanCase(
                name: "a full day, boundary to boundary", from: "2026-03-09 09:00", to: "2026-03-09 18:00", hours: 8),
            CalendarSpanCase(
                name: "evening to next morning", from: "2026-03-09 17:00", to: "2026-03-10 10:00", hours: 2),
            CalendarSpanCase(
                name: "overnight outside hours", from: "2026-03-09 19:00", to: "2026-03-10 08:00", hours: 0),
            CalendarSpanCase(
                name: "Friday 16:00 over the weekend to Monday 11:00", from: "2026-03-06 16:00", to: "2026-03-09 11:00",
                hours: 4),
            CalendarSpanCase(
                name: "Friday 18:00 to Monday 09:00", from: "2026-03-06 18:00", to: "2026-03-09 09:00", hours: 0),
            CalendarSpanCase(name: "a whole week", from: "2026-03-09 00:00", to: "2026-03-16 00:00", hours: 40),
            CalendarSpanCase(name: "a Saturday", from: "2026-03-07 00:00", to: "2026-03-08 00:00", hours: 0),
            CalendarSpanCase(name: "reversed range", from: "2026-03-10 10:00", to: "2026-03-09 10:00", hours: 0),
            CalendarSpanCase(name: "empty range", from: "2026-03-10 10:00", to: "2026-03-10 10:00", hours: 0),
            CalendarSpanCase(name: "into National Day", from: "2026-09-30 17:00", to: "2026-10-08 10:00", hours: 2),
            CalendarSpanCase(name: "a holiday weekday", from: "2026-10-05 00:00", to: "2026-10-06 00:00", hours: 0),
            CalendarSpanCase(
                name: "onto the swapped Saturday", from: "2026-10-09 17:00", to: "2026-10-10 10:00", hours: 2),
            CalendarSpanCase(
                name: "the whole Golden Week fortnight", from: "2026-09-28 00:00", to: "2026-10-12 00:00", hours: 48),
        ])
    func businessSeconds(_ c: CalendarSpanCase) {
        #expect(
            calendar.businessSeconds(from: CalendarFixture.at(c.from), to: CalendarFixture.at(c.to)) == c.hours * hour)
    }

    @Test(
        "adding(businessSeconds:) lands on the right instant",
        arguments: [
            CalendarAddCase(
                name: "Friday 16:00 + 4 h → Monday 11:00", start: "2026-03-06 16:00", seconds: 4 * hour,
                expected: "2026-03-09 11:00"),
            CalendarAddCase(
                name: "Friday 16:00 + 2 h ends at Friday 18:00", start: "2026-03-06 16:00", seconds: 2 * hour,
                expected: "2026-03-06 18:00"),
            CalendarAddCase(
                name: "Friday 16:00 + 8 h → Monday 16:00", start: "2026-03-06 16:00", seconds: 8 * hour,
                expected: "2026-03-09 16:00"),
            CalendarAddCase(
                name: "11:00 + 1 h ends at 12:00", start: "2026-03-09 11:00", seconds: hour,
                expected: "2026-03-09 12:00"),
            CalendarAddCase(
                name: "11:00 + 1.5 h crosses lunch", start: "2026-03-09 11:00", seconds: 1.5 * hour,
                expected: "2026-03-09 13:30"),
            CalendarAddCase(
                name: "start in lunch counts from 13:00", start: "2026-03-09 12:30", seconds: hour,
                expected: "2026-03-09 14:00"),
            CalendarAddCase(
                name: "start before opening counts from 09:00", start: "2026-03-09 07:00", seconds: 30 * minute,
                expected: "2026-03-09 09:30"),
            CalendarAddCase(
                name: "start in the evening counts from next morning", start: "2026-03-09 20:00", seconds: hour,
                expected: "2026-03-10 10:00"),
            CalendarAddCase(
                name: "start on Saturday counts from Monday", start: "2026-03-07 10:00", seconds: hour,
                expected: "2026-03-09 10:00"),
            CalendarAddCase(
                name: "0 at 09:00 is 09:00", start: "2026-03-09 09:00", seconds: 0, expected: "2026-03-09 09:00"),
            CalendarAddCase(
                name: "0 at 12:00 is 13:00", start: "2026-03-09 12:00", seconds: 0, expected: "2026-03-09 13:00"),
            CalendarAddCase(
                name: "0 at Friday 18:00 is Monday 09:00", start: "2026-03-06 18:00", seconds: 0,
                expected: "2026-03-09 09:00"),
            CalendarAddCase(
                name: "negative behaves as 0", start: "2026-03-08 10:00", seconds: -hour, expected: "2026-03-09 09:00"),
            CalendarAddCase(
                name: "3 working days from Monday 09:00 → Wednesday 18:00", start: "2026-03-09 09:00",
                seconds: 24 * hour, expected: "2026-03-11 18:00"),
            CalendarAddCase(
                name: "3 working days over a weekend", start: "2026-03-06 16:00", seconds: 24 * hour,
                expected: "2026-03-11 16:00"),
            CalendarAddCase(
                name: "into National Day resumes 10-08", start: "2026-09-30 17:00", seconds: 2 * hour,
                expected: "2026-10-08 10:00"),
            CalendarAddCase(
                name: "3 working days over National Day and the swapped Saturday", start: "2026-09-30 10:00",
                seconds: 24 * hour, expected: "2026-10-10 10:00"),
            CalendarAddCase(
                name: "0 on Friday evening before the swapped Saturday", start: "2026-10-09 18:00", seconds: 0,
                expected: "2026-10-10 09:00"),
            CalendarAddCase(
                name: "after the swapped Saturday Sunday is off", start: "2026-10-10 18:00", seconds: hour,
                expected: "2026-10-12 10:00"),
            CalendarAddCase(
                name: "holiday start counts from 10-08", start: "2026-10-02 11:00", seconds: 0,
                expected: "2026-10-08 09:00"),
        ])
    func adding(_ c: CalendarAddCase) {
        #expect(
            calendar.adding(businessSeconds: c.seconds, to: CalendarFixture.at(c.start))
                == CalendarFixture.at(c.expected))
    }

    @Test(
        "nextWorkingInstant(onOrAfter:)",
        arguments: [
            ("2026-03-09 10:15", "2026-03-09 10:15"), ("2026-03-09 09:00", "2026-03-09 09:00"),
            ("2026-03-09 17:59", "2026-03-09 17:59"), ("2026-03-09 18:00", "2026-03-10 09:00"),
            ("2026-03-09 12:00", "2026-03-09 13:00"), ("2026-03-07 08:00", "2026-03-09 09:00"),
            ("2026-09-30 18:30", "2026-10-08 09:00"), ("2026-10-10 08:00", "2026-10-10 09:00"),
        ])
    func nextWorkingInstant(date: String, expected: String) {
        #expect(calendar.nextWorkingInstant(onOrAfter: CalendarFixture.at(date)) == CalendarFixture.at(expected))
        #expect(calendar.isWorkingTime(CalendarFixture.at(expected)))
    }

    @Test(
        "businessSeconds inverts adding for starts every 37 minutes around National Day",
        arguments: [0, 1, 59, 30 * minute, hour, 5 * hour, 8 * hour, 24 * hour, 40 * hour])
    func roundTrip(amount: TimeInterval) {
        var start = CalendarFixture.at("2026-09-26 00:00")
        let last = CalendarFixture.at("2026-10-14 00:00")
        while start < last {
            let end = calendar.adding(businessSeconds: amount, to: start)
            #expect(end >= start)
            #expect(calendar.businessSeconds(from: start, to: end) == amount, "from \(start)")
            if amount == 0 {
                #expect(end == calendar.nextWorkingInstant(onOrAfter: start))
            } else {
                // Tight: one second earlier there is one second less.
                #expect(calendar.businessSeconds(from: start, to: end - 1) == amount - 1, "from \(start)")
            }
            start += 37 * minute
        }
    }

    @Test(
        "validate() reports configuration errors",
        arguments: [
            CalendarValidationCase(name: "standard is valid", calendar: .standard, error: nil),
            CalendarValidationCase(name: "continuous is valid", calendar: .continuous, error: nil),
            CalendarValidationCase(name: "China 2026 is valid", calendar: CalendarFixture.china2026, error: nil),
            CalendarValidationCase(
                name: "unknown time zone", calendar: BusinessCalendar(timeZoneIdentifier: "Mars/Olympus"),
                error: .invalidTimeZone("Mars/Olympus")),
            CalendarValidationCase(
                name: "period ending before it starts",
                calendar: BusinessCalendar(week: WeeklyHours(tuesday: [CalendarFixture.period("12:00", "09:00")])),
                error: .invalidPeriod(CalendarFixture.period("12:00", "09:00"))),
            CalendarValidationCase(
                name: "period with an impossible time",
                calendar: BusinessCalendar(
                    week: .weekdays([WorkingPeriod(start: TimeOfDay(hour: 9), end: TimeOfDay(hour: 25))])),
                error: .invalidPeriod(WorkingPeriod(start: TimeOfDay(hour: 9), end: TimeOfDay(hour: 25)))),
            CalendarValidationCase(
                name: "overlapping Monday periods",
                calendar: BusinessCalendar(
                    week: WeeklyHours(monday: [
                        CalendarFixture.period("11:00", "14:00"), CalendarFixture.period("09:00", "12:00"),
                    ])),
                error: .overlappingPeriods(weekday: 2)),
            CalendarValidationCase(
                name: "overlapping swapped-day hours",
                calendar: BusinessCalendar(
                    swapDayHours: [CalendarFixture.period("09:00", "12:00"), CalendarFixture.period("10:00", "11:00")]),
                error: .overlappingPeriods(weekday: nil)),
            CalendarValidationCase(
                name: "touching periods are fine",
                calendar: BusinessCalendar(
                    week: .weekdays([
                        CalendarFixture.period("09:00", "12:00"), CalendarFixture.period("12:00", "13:00"),
                    ])),
                error: nil),
            CalendarValidationCase(
                name: "empty week", calendar: BusinessCalendar(week: WeeklyHours()), error: .emptyWeek),
            CalendarValidationCase(
                name: "empty week whose swapped days borrow Monday's empty hours",
                calendar: BusinessCalendar(week: WeeklyHours(), workingDays: [CalendarFixture.day("2026-10-10")]),
                error: .emptyWeek),
            CalendarValidationCase(
                name: "empty week with swapped days and their own hours",
                calendar: BusinessCalendar(
                    week: WeeklyHours(), workingDays: [CalendarFixture.day("2026-10-10")],
                    swapDayHours: [CalendarFixture.period("09:00", "17:00")]),
                error: nil),
            CalendarValidationCase(
                name: "a date both holiday and working day",
                calendar: BusinessCalendar(
                    holidays: [CalendarFixture.day("2026-10-10")], workingDays: [CalendarFixture.day("2026-10-10")]),
                error: .holidayAlsoWorkingDay(CalendarFixture.day("2026-10-10"))),
            CalendarValidationCase(
                name: "a holiday that does not exist",
                calendar: BusinessCalendar(holidays: [LocalDate(year: 2026, month: 2, day: 30)]),
                error: .invalidDate(LocalDate(year: 2026, month: 2, day: 30))),
            CalendarValidationCase(
                name: "zero-length working day", calendar: BusinessCalendar(workingDayMinutes: 0),
                error: .invalidWorkingDayMinutes(0)),
        ])
    func validation(_ c: CalendarValidationCase) {
        if let error = c.error {
            #expect(throws: error) { try c.calendar.validate() }
        } else {
            #expect(throws: Never.self) { try c.calendar.validate() }
        }
    }

    @Test("A calendar without working time does not hang", .timeLimit(.minutes(1)))
    func emptyWeekTerminates() {
        let empty = BusinessCalendar(week: WeeklyHours())
        let start = CalendarFixture.at("2026-03-09 09:00")
        #expect(empty.adding(businessSeconds: hour, to: start) == .distantFuture)
        #expect(empty.nextWorkingInstant(onOrAfter: start) == .distantFuture)
        #expect(empty.businessSeconds(from: start, to: .distantFuture) == 0)
        #expect(empty.adding(businessSeconds: .infinity, to: start) == .distantFuture)
        // Working time that runs out (two swapped days only) also ends at distantFuture.
        let twoDays = BusinessCalendar(
            week: WeeklyHours(), workingDays: [CalendarFixture.day("2026-10-10"), CalendarFixture.day("2026-10-11")],
            swapDayHours: [CalendarFixture.period("09:00", "17:00")])
        #expect(twoDays.adding(businessSeconds: 16 * hour, to: start) == CalendarFixture.at("2026-10-11 17:00"))
        #expect(twoDays.adding(businessSeconds: 16 * hour + 1, to: start) == .distantFuture)
    }

    @Test("A year of working days is computed by skipping days, not minutes", .timeLimit(.minutes(1)))
    func longSpans() {
        let start = CalendarFixture.at("2026-01-05 09:00")
        let end = calendar.adding(businessSeconds: 250 * 8 * hour, to: start)
        #expect(end > CalendarFixture.at("2026-12-01 00:00") && end < CalendarFixture.at("2027-01-31 00:00"))
        #expect(calendar.businessSeconds(from: start, to: end) == 250 * 8 * hour)
        let continuous = BusinessCalendar.continuous
        #expect(continuous.adding(businessSeconds: 30 * 86_400, to: start) == start + 30 * 86_400)
    }

    @Test(
        "R3.2 24×7 calendar is wall-clock time across weekends and DST",
        arguments: ["Asia/Shanghai", "America/New_York"])
    func continuousCalendar(zone: String) {
        var allDay = BusinessCalendar.continuous
        allDay.timeZoneIdentifier = zone
        let start = CalendarFixture.at("2026-03-06 16:00", zone: zone)
        for seconds in [0, 1, 3600, 86_400, 3 * 86_400 + 17] as [TimeInterval] {
            #expect(allDay.adding(businessSeconds: seconds, to: start) == start + seconds)
            #expect(allDay.businessSeconds(from: start, to: start + seconds) == seconds)
        }
    }

    @Test("Working intervals are DST-safe (America/New_York spring forward and fall back)")
    func daylightSaving() {
        var allDay = BusinessCalendar.continuous
        allDay.timeZoneIdentifier = "America/New_York"
        let spring = allDay.workingIntervals(on: CalendarFixture.day("2026-03-08"))
        #expect(spring.map(\.duration).reduce(0, +) == 23 * hour)
        let autumn = allDay.workingIntervals(on: CalendarFixture.day("2026-11-01"))
        #expect(autumn.map(\.duration).reduce(0, +) == 25 * hour)

        let office = BusinessCalendar(timeZoneIdentifier: "America/New_York")
        let monday = office.workingIntervals(on: CalendarFixture.day("2026-03-09"))
        #expect(monday.first?.start == Date(timeIntervalSince1970: 1_773_061_200))  // 2026-03-09T13:00:00Z (09:00 EDT)
        #expect(monday.map(\.duration).reduce(0, +) == 8 * hour)
        #expect(
            office.businessSeconds(
                from: CalendarFixture.at("2026-03-06 17:00", zone: "America/New_York"),
                to: CalendarFixture.at("2026-03-09 10:00", zone: "America/New_York")) == 2 * hour)
    }

    @Test("BusinessCalendar round-trips through JSON; missing keys take defaults")
    func codable() throws {
        let data = try JSONEncoder().encode(calendar)
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: data) == calendar)
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: Data("{}".utf8)) == .standard)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BusinessCalendar.self, from: Data(#"{"holidays":["2026-10-32"]}"#.utf8))
        }
    }
}
