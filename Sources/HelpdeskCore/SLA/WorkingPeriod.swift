import Foundation

/// One stretch of working time within a day, `start ..< end` in local time,
/// encoded as `{"start":"09:00","end":"12:00"}`. `end` must be after `start`.
public struct WorkingPeriod: Hashable, Codable, Sendable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    /// Stores the bounds as given; `BusinessCalendar.validate()` rejects invalid periods.
    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// Convenience: `WorkingPeriod("09:00", "12:00")`; nil unless both parse and end > start.
    public init?(_ start: String, _ end: String) {
        guard let s = TimeOfDay(string: start), let e = TimeOfDay(string: end) else { return nil }
        self.init(start: s, end: e)
        guard isValid else { return nil }
    }

    public var isValid: Bool { start.isValid && end.isValid && end > start }

    public var minutes: Int { end.minutesSinceMidnight - start.minutesSinceMidnight }

    public var description: String { "\(start)–\(end)" }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(TimeOfDay.self, forKey: .start)
        end = try container.decode(TimeOfDay.self, forKey: .end)
        guard end > start else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "Period end \(end) must be after start \(start)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
