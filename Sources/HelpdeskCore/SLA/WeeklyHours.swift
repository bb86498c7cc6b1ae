import Foundation

/// Working periods for each day of the week. Missing days decode as non-working.
public struct WeeklyHours: Hashable, Codable, Sendable {
    public var monday: [WorkingPeriod]
    public var tuesday: [WorkingPeriod]
    public var wednesday: [WorkingPeriod]
    public var thursday: [WorkingPeriod]
    public var friday: [WorkingPeriod]
    public var saturday: [WorkingPeriod]
    public var sunday: [WorkingPeriod]

    public init(
        monday: [WorkingPeriod] = [], tuesday: [WorkingPeriod] = [], wednesday: [WorkingPeriod] = [],
        thursday: [WorkingPeriod] = [], friday: [WorkingPeriod] = [], saturday: [WorkingPeriod] = [],
        sunday: [WorkingPeriod] = []
    ) {
        self.monday = monday
        self.tuesday = tuesday
        self.wednesday = wednesday
        self.thursday = thursday
        self.friday = friday
        self.saturday = saturday
        self.sunday = sunday
    }

    /// The same periods Monday to Friday, weekends off.
    public static func weekdays(_ periods: [WorkingPeriod]) -> WeeklyHours {
        WeeklyHours(monday: periods, tuesday: periods, wednesday: periods, thursday: periods, friday: periods)
    }

    /// Monday–Friday 09:00–12:00 and 13:00–18:00 (8 hours a day).
    public static let standard = WeeklyHours.weekdays([
        WorkingPeriod(start: TimeOfDay(hour: 9), end: TimeOfDay(hour: 12)),
        WorkingPeriod(start: TimeOfDay(hour: 13), end: TimeOfDay(hour: 18)),
    ])

    /// Every day 00:00–24:00 (24×7).
    public static let allDay: WeeklyHours = {
        let day = [WorkingPeriod(start: .midnight, end: .endOfDay)]
        return WeeklyHours(
            monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: day, sunday: day)
    }()

    /// Periods for a Gregorian weekday, 1 = Sunday … 7 = Saturday; empty outside 1...7.
    public func periods(forWeekday weekday: Int) -> [WorkingPeriod] {
        switch weekday {
        case 1: sunday
        case 2: monday
        case 3: tuesday
        case 4: wednesday
        case 5: thursday
        case 6: friday
        case 7: saturday
        default: []
        }
    }

    /// True when no day of the week has a working period.
    public var isEmpty: Bool { (1...7).allSatisfy { periods(forWeekday: $0).isEmpty } }

    private enum CodingKeys: String, CodingKey {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> [WorkingPeriod] {
            try c.decodeIfPresent([WorkingPeriod].self, forKey: key) ?? []
        }
        self.init(
            monday: try day(.monday), tuesday: try day(.tuesday), wednesday: try day(.wednesday),
            thursday: try day(.thursday), friday: try day(.friday), saturday: try day(.saturday),
            sunday: try day(.sunday))
    }
}
