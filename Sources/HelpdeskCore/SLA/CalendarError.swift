import Foundation

/// Why a `BusinessCalendar` configuration is unusable.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The identifier is not a known IANA time zone.
    case invalidTimeZone(String)
    /// A period whose times are out of range or whose end is not after its start.
    case invalidPeriod(WorkingPeriod)
    /// Two periods of one day overlap. `weekday` is 1 = Sunday … 7 = Saturday,
    /// or nil for `swapDayHours`.
    case overlappingPeriods(weekday: Int?)
    /// No working time at all: no periods in the week and no usable swapped working day.
    case emptyWeek
    /// A date listed both as a holiday and as a swapped working day.
    case holidayAlsoWorkingDay(LocalDate)
    /// A holiday or working day that does not exist (e.g. 2026-02-30).
    case invalidDate(LocalDate)
    /// `workingDayMinutes` must be positive.
    case invalidWorkingDayMinutes(Int)

    public var description: String {
        switch self {
        case .invalidTimeZone(let id): "Unknown time zone \"\(id)\""
        case .invalidPeriod(let p): "Invalid working period \(p)"
        case .overlappingPeriods(let weekday?): "Overlapping working periods on weekday \(weekday)"
        case .overlappingPeriods(nil): "Overlapping working periods in the swapped-day hours"
        case .emptyWeek: "The calendar has no working time"
        case .holidayAlsoWorkingDay(let d): "\(d) is both a holiday and a working day"
        case .invalidDate(let d): "\(d) is not a valid date"
        case .invalidWorkingDayMinutes(let m): "A working day must be longer than \(m) minutes"
        }
    }
}
