import Foundation

/// When a subscribed report is sent (issue #13): a weekly review on a weekday, or the monthly
/// KPIs on a day of the month, at a local time of the desk's time zone. Each run sends the last
/// period that has ended: Monday's weekly review is the week before, the 1st's monthly KPIs
/// the month before.
public struct ReportSchedule: Equatable, Sendable, Codable {
    public var kind: ReportPeriod.Kind
    /// 1 (Monday) … 7 (Sunday), for the weekly review.
    public var weekday: Int?
    /// 1 … 28, for the monthly KPIs: every month has these days.
    public var dayOfMonth: Int?
    /// Minutes after local midnight, 0 … 1439.
    public var minuteOfDay: Int

    public init(kind: ReportPeriod.Kind, weekday: Int? = nil, dayOfMonth: Int? = nil, minuteOfDay: Int) {
        self.kind = kind
        self.weekday = weekday
        self.dayOfMonth = dayOfMonth
        self.minuteOfDay = minuteOfDay
    }

    /// The field that is out of range or missing for the kind, if any.
    public var invalidField: String? {
        guard (0..<1440).contains(minuteOfDay) else { return "time" }
        switch kind {
        case .week:
            guard let weekday, (1...7).contains(weekday) else { return "weekday" }
            return dayOfMonth == nil ? nil : "dayOfMonth"
        case .month:
            guard let dayOfMonth, (1...28).contains(dayOfMonth) else { return "dayOfMonth" }
            return weekday == nil ? nil : "weekday"
        }
    }

    /// The first run strictly after `date`. Where a local time does not exist (a DST gap) the
    /// run is the first minute after the gap.
    public func nextRun(after date: Date, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var wanted = DateComponents(hour: minuteOfDay / 60, minute: minuteOfDay % 60, second: 0)
        switch kind {
        case .week:
            // Foundation counts weekdays from Sunday (1); ours from Monday (1).
            wanted.weekday = (weekday ?? 1) % 7 + 1
        case .month:
            wanted.day = dayOfMonth ?? 1
        }
        return calendar.nextDate(after: date, matching: wanted, matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(kind == .week ? 7 * 86_400 : 28 * 86_400)
    }

    /// The period a run at `run` reports: the last one that ended by then.
    public func period(sentAt run: Date, timeZone: TimeZone) -> ReportPeriod {
        ReportPeriod.containing(run, kind: kind, timeZone: timeZone).previous(timeZone: timeZone)
    }

    /// `09:30` as minutes after midnight; nil unless it is `H:MM` or `HH:MM` of a real time.
    /// Full-width digits and colon (`０９：３０`, as a Chinese input method types them) count as ASCII.
    public static func minuteOfDay(_ text: String) -> Int? {
        let text = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    /// The time as `HH:MM`.
    public var timeText: String { String(format: "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60) }
}
