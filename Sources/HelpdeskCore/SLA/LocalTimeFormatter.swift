import Foundation

/// `LocalTimeText.format` ("yyyy-MM-dd HH:mm" in one time zone) for many instants, as the
/// exports write several per row, without a calendar: the zone's offset is looked up once per
/// quarter hour met (offsets change on quarter hours; a quarter whose two ends differ is looked
/// up per instant), and the date follows from the day count. A test holds it to the calendar's.
public struct LocalTimeFormatter: Sendable {
    public let timeZone: TimeZone
    private var quarter = Int64.min
    private var quarterOffset: Int?

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The zone's offset from UTC at `date`, in seconds.
    public mutating func offset(at date: Date) -> Int {
        let current = Self.floorDivide(Self.seconds(date), 900)
        if current != quarter {
            quarter = current
            let start = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(current * 900)))
            let end = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(current * 900 + 899)))
            quarterOffset = start == end ? start : nil
        }
        return quarterOffset ?? timeZone.secondsFromGMT(for: date)
    }

    public mutating func format(_ date: Date) -> String {
        let local = Self.seconds(date) + Int64(offset(at: date))
        let days = Self.floorDivide(local, 86_400)
        let second = local - days * 86_400
        let date = LocalDate(daysSinceEpoch: Int(days))
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        Self.append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.append(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.append(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        Self.append(second / 3_600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(second % 3_600 / 60, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whole seconds since 1970, rounded down (as a calendar reads an instant).
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    /// At least `width` digits, zero-padded; a year beyond 9999 keeps all of its own.
    static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        let digits = Array(String(value).utf8)
        if digits.count < width {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
        }
        bytes.append(contentsOf: digits)
    }
}
