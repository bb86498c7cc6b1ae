import Foundation

/// An instant as people at the desk read it: `2026-11-23 15:00` in a time zone.
public enum LocalTimeText {
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        format(date, with: gregorian(timeZone))
    }

    /// A Gregorian calendar in `timeZone`.
    public static func gregorian(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// With a calendar made once (see `gregorian`). Exports, which format several instants per
    /// row, use ``LocalTimeFormatter``, which writes the same text without a calendar.
    public static func format(_ date: Date, with calendar: Calendar) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(p.year ?? 0)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))"
    }

    /// In the calendar's zone; GMT if the identifier is unknown to this system.
    public static func format(_ date: Date, in calendar: BusinessCalendar) -> String {
        format(date, in: TimeZone(identifier: calendar.timeZoneIdentifier) ?? .gmt)
    }
}
