import Foundation

/// A wall-clock time in a business calendar's time zone, encoded as `"HH:mm"`.
///
/// `24:00` is allowed and means the end of the day (the next day's midnight), so a period
/// can cover a whole day: `00:00`–`24:00`.
public struct TimeOfDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// Stores the parts as given; check `isValid` for untrusted input.
    public init(hour: Int, minute: Int = 0) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `"HH:mm"` strictly (two digits each); `"24:00"` is the end of the day.
    public init?(string: String) {
        let parts = string.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
        guard isValid else { return nil }
    }

    public static let midnight = TimeOfDay(hour: 0)
    public static let endOfDay = TimeOfDay(hour: 24)

    /// `00:00`…`23:59`, or exactly `24:00`.
    public var isValid: Bool {
        ((0...23).contains(hour) && (0...59).contains(minute)) || (hour == 24 && minute == 0)
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public var description: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))" }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay(string: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a time as HH:mm, got \"\(text)\"")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
