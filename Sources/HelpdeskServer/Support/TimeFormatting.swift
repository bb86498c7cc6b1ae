import Foundation
import HelpdeskCore

/// How times are written for people: `yyyy-MM-dd HH:mm` in a calendar's time zone.
enum TimeFormatting {
    static func local(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(p.year ?? 0)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))"
    }

    static func local(_ date: Date, _ calendar: BusinessCalendar) -> String {
        local(date, calendar.timeZone)
    }

    /// `2026-11-23T15:00` from a `datetime-local` field, in the calendar's time zone.
    static func parseLocal(_ text: String, _ calendar: BusinessCalendar) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.date(from: text)
    }
}

extension BusinessCalendar {
    /// The calendar's zone; GMT if the identifier is unknown to this system.
    var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? .gmt }
}
