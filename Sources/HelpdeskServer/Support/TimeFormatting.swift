import Foundation
import HelpdeskCore

/// How times are written for people: `yyyy-MM-dd HH:mm` in a calendar's time zone.
enum TimeFormatting {
    static func local(_ date: Date, _ timeZone: TimeZone) -> String {
        LocalTimeText.format(date, in: timeZone)
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
