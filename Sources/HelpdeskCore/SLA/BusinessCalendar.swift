import Foundation

/// Working time in one time zone: weekly hours, public holidays and swapped working days (调休).
///
/// All arithmetic goes through `Calendar` in `timeZoneIdentifier`, so local periods map to the
/// right absolute instants across DST changes. Day loops are capped at `maxScannedDays`
/// (about 20 years), so a calendar without working time cannot hang: `adding` then returns
/// `Date.distantFuture`.
public struct BusinessCalendar: Hashable, Codable, Sendable {
    /// IANA identifier; an unknown one is rejected by `validate()` and treated as UTC otherwise.
    public var timeZoneIdentifier: String
    public var week: WeeklyHours
    /// Public holidays: non-working even on weekdays. Wins over everything else.
    public var holidays: Set<LocalDate>
    /// Swapped working days (调休): days, usually weekend days, that are worked.
    public var workingDays: Set<LocalDate>
    /// Hours of a swapped working day; nil means Monday's hours.
    public var swapDayHours: [WorkingPeriod]?
    /// Length of one "working day" for targets given in working days.
    public var workingDayMinutes: Int

    public init(
        timeZoneIdentifier: String = "Asia/Shanghai", week: WeeklyHours = .standard,
        holidays: Set<LocalDate> = [], workingDays: Set<LocalDate> = [],
        swapDayHours: [WorkingPeriod]? = nil, workingDayMinutes: Int = 480
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.week = week
        self.holidays = holidays
        self.workingDays = workingDays
        self.swapDayHours = swapDayHours
        self.workingDayMinutes = workingDayMinutes
    }

    /// Asia/Shanghai, Monday–Friday 09:00–12:00 and 13:00–18:00, no holidays configured.
    public static let standard = BusinessCalendar()

    /// 24×7: every day all day, no holidays; a "working day" is 24 hours.
    public static let continuous = BusinessCalendar(week: .allDay, workingDayMinutes: 24 * 60)

    /// Upper bound on days scanned by any loop (about 20 years).
    public static let maxScannedDays = 7_305

    // MARK: - Validation

    public func validate() throws(CalendarError) {
        guard TimeZone(identifier: timeZoneIdentifier) != nil else {
            throw .invalidTimeZone(timeZoneIdentifier)
        }
        guard workingDayMinutes > 0 else { throw .invalidWorkingDayMinutes(workingDayMinutes) }
        for weekday in 1...7 {
            try Self.check(week.periods(forWeekday: weekday), weekday: weekday)
        }
        if let swapDayHours { try Self.check(swapDayHours, weekday: nil) }
        for date in holidays.union(workingDays).sorted() where !date.isValid {
            throw .invalidDate(date)
        }
        if let both = holidays.intersection(workingDays).min() { throw .holidayAlsoWorkingDay(both) }
        if week.isEmpty && (workingDays.isEmpty || (swapDayHours ?? week.monday).isEmpty) {
            throw .emptyWeek
        }
    }

    private static func check(_ periods: [WorkingPeriod], weekday: Int?) throws(CalendarError) {
        for period in periods where !period.isValid { throw .invalidPeriod(period) }
        let sorted = periods.sorted { $0.start < $1.start }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
            throw .overlappingPeriods(weekday: weekday)
        }
    }

    // MARK: - Days

    /// The periods worked on `date`: none on a holiday, `swapDayHours` (or Monday's) on a
    /// swapped working day, else the week's periods for its weekday. Invalid periods are dropped.
    public func periods(on date: LocalDate) -> [WorkingPeriod] {
        if holidays.contains(date) { return [] }
        let raw =
            workingDays.contains(date)
            ? (swapDayHours ?? week.monday) : week.periods(forWeekday: date.weekday)
        return raw.filter(\.isValid).sorted { $0.start < $1.start }
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool { !periods(on: date).isEmpty }

    /// The local date of an instant in this calendar's time zone.
    public func localDate(of date: Date) -> LocalDate {
        localDate(of: date, makeCalendar())
    }

    /// The absolute working intervals of `date`, sorted; overlapping or touching periods merged.
    public func workingIntervals(on date: LocalDate) -> [DateInterval] {
        workingIntervals(on: date, makeCalendar())
    }

    /// The instant a local date and time denote in this calendar's time zone.
    public func instant(on date: LocalDate, at time: TimeOfDay) -> Date {
        instant(date, time, makeCalendar()) ?? .distantFuture
    }

    /// The first working day after `date`, or nil if none within `maxScannedDays`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate? {
        var day = date.adding(days: 1)
        for _ in 0..<Self.maxScannedDays {
            if isWorkingDay(day) { return day }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// True when `date` lies inside a working interval (start inclusive, end exclusive).
    public func isWorkingTime(_ date: Date) -> Bool {
        let cal = makeCalendar()
        return workingIntervals(on: localDate(of: date, cal), cal).contains { $0.start <= date && date < $0.end }
    }

    // MARK: - Arithmetic

    /// Working seconds in `from ..< to`; 0 if `to <= from`.
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        let cal = makeCalendar()
        var day = localDate(of: start, cal)
        let lastDay = localDate(of: end, cal)
        var total: TimeInterval = 0
        var scanned = 0
        while day <= lastDay && scanned < Self.maxScannedDays {
            for interval in workingIntervals(on: day, cal) {
                let lo = max(interval.start, start)
                let hi = min(interval.end, end)
                if hi > lo { total += hi.timeIntervalSince(lo) }
            }
            day = day.adding(days: 1)
            scanned += 1
        }
        return total
    }

    /// The instant at which `seconds` of working time have passed since `start`.
    ///
    /// Counting starts at the first working instant on or after `start`. When the amount runs
    /// out exactly at the end of a working period, the result is that end (e.g. Friday 18:00),
    /// not the next morning. Adding 0 (or a negative amount) returns
    /// `nextWorkingInstant(onOrAfter: start)`. Returns `Date.distantFuture` when there is not
    /// enough working time within `maxScannedDays` (or for a non-finite amount).
    public func adding(businessSeconds seconds: TimeInterval, to start: Date) -> Date {
        guard seconds.isFinite else { return .distantFuture }
        var remaining = max(0, seconds)
        let cal = makeCalendar()
        var day = localDate(of: start, cal)
        for _ in 0..<Self.maxScannedDays {
            for interval in workingIntervals(on: day, cal) where interval.end > start {
                let lo = max(interval.start, start)
                let available = interval.end.timeIntervalSince(lo)
                if remaining <= available { return lo.addingTimeInterval(remaining) }
                remaining -= available
            }
            day = day.adding(days: 1)
        }
        return .distantFuture
    }

    /// `date` itself if it is working time, else the start of the next working interval;
    /// `Date.distantFuture` if there is none within `maxScannedDays`.
    public func nextWorkingInstant(onOrAfter date: Date) -> Date {
        adding(businessSeconds: 0, to: date)
    }

    // MARK: - Internals

    private func makeCalendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }

    private func localDate(of date: Date, _ cal: Calendar) -> LocalDate {
        let local = date.timeIntervalSince1970 + Double(cal.timeZone.secondsFromGMT(for: date))
        return LocalDate(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
    }

    private func workingIntervals(on date: LocalDate, _ cal: Calendar) -> [DateInterval] {
        let periods = periods(on: date)
        guard !periods.isEmpty else { return [] }
        // Fast path: when the zone's offset is the same from 14 h before to 14 h after the day
        // (no daylight-saving change anywhere in the local day), local times are plain arithmetic.
        let utcMidnight = Double(date.daysSinceEpoch) * 86_400
        let before = cal.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight - 50_400))
        let after = cal.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight + 136_800))
        let localMidnight: Double? = before == after ? utcMidnight - Double(before) : nil
        var result: [DateInterval] = []
        for period in periods {
            let bounds: (Date?, Date?) =
                if let localMidnight {
                    (
                        Date(timeIntervalSince1970: localMidnight + Double(period.start.minutesSinceMidnight * 60)),
                        Date(timeIntervalSince1970: localMidnight + Double(period.end.minutesSinceMidnight * 60))
                    )
                } else {
                    (instant(date, period.start, cal), instant(date, period.end, cal))
                }
            guard let start = bounds.0, let end = bounds.1, end > start else { continue }
            if let last = result.last, start <= last.end {
                result[result.count - 1] = DateInterval(start: last.start, end: max(last.end, end))
            } else {
                result.append(DateInterval(start: start, end: end))
            }
        }
        return result
    }

    /// The absolute instant of a local time on a local date; 24:00 is the next day's midnight.
    private func instant(_ date: LocalDate, _ time: TimeOfDay, _ cal: Calendar) -> Date? {
        let (day, hour, minute) =
            time.hour >= 24 ? (date.adding(days: 1), 0, 0) : (date, time.hour, time.minute)
        return cal.date(
            from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    // MARK: - Codable (missing keys take the defaults; sets encode sorted)

    private enum CodingKeys: String, CodingKey {
        case timeZoneIdentifier, week, holidays, workingDays, swapDayHours, workingDayMinutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timeZoneIdentifier: try c.decodeIfPresent(String.self, forKey: .timeZoneIdentifier) ?? "Asia/Shanghai",
            week: try c.decodeIfPresent(WeeklyHours.self, forKey: .week) ?? .standard,
            holidays: try c.decodeIfPresent(Set<LocalDate>.self, forKey: .holidays) ?? [],
            workingDays: try c.decodeIfPresent(Set<LocalDate>.self, forKey: .workingDays) ?? [],
            swapDayHours: try c.decodeIfPresent([WorkingPeriod].self, forKey: .swapDayHours),
            workingDayMinutes: try c.decodeIfPresent(Int.self, forKey: .workingDayMinutes) ?? 480)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeZoneIdentifier, forKey: .timeZoneIdentifier)
        try c.encode(week, forKey: .week)
        try c.encode(holidays.sorted(), forKey: .holidays)
        try c.encode(workingDays.sorted(), forKey: .workingDays)
        try c.encodeIfPresent(swapDayHours, forKey: .swapDayHours)
        try c.encode(workingDayMinutes, forKey: .workingDayMinutes)
    }
}
