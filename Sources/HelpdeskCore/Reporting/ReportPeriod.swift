import Foundation

/// A report's period in the desk's time zone: an ISO week (`2026-W49`, Monday to Monday) or a
/// calendar month (`2026-12`), as the half-open interval [start, end).
public struct ReportPeriod: Equatable, Sendable, Encodable {
    public enum Kind: String, Sendable, Codable { case week, month }

    public var kind: Kind
    /// `2026-W49` or `2026-12`.
    public var label: String
    public var start: Date
    public var end: Date

    public init?(week label: String, timeZone: TimeZone) {
        let parts = label.split(separator: "-W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let week = Int(parts[1]), (1...53).contains(week), (1970...9999).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        var components = DateComponents()
        components.yearForWeekOfYear = year
        components.weekOfYear = week
        components.weekday = 2
        guard let start = calendar.date(from: components),
            calendar.component(.weekOfYear, from: start) == week,
            let end = calendar.date(byAdding: .day, value: 7, to: start)
        else { return nil }
        self.init(kind: .week, label: label, start: start, end: end)
    }

    public init?(month label: String, timeZone: TimeZone) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month), (1970...9999).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let end = calendar.date(byAdding: .month, value: 1, to: start)
        else { return nil }
        self.init(kind: .month, label: label, start: start, end: end)
    }

    init(kind: Kind, label: String, start: Date, end: Date) {
        self.kind = kind
        self.label = label
        self.start = start
        self.end = end
    }

    /// The period that contains `date`.
    public static func containing(_ date: Date, kind: Kind, timeZone: TimeZone) -> ReportPeriod {
        var calendar = Calendar(identifier: kind == .week ? .iso8601 : .gregorian)
        calendar.timeZone = timeZone
        let unit: Calendar.Component = kind == .week ? .weekOfYear : .month
        let interval =
            calendar.dateInterval(of: unit, for: date) ?? DateInterval(start: date, duration: 7 * 86_400)
        let label: String
        switch kind {
        case .week:
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: interval.start)
            label = String(format: "%04d-W%02d", parts.yearForWeekOfYear ?? 0, parts.weekOfYear ?? 0)
        case .month:
            let parts = calendar.dateComponents([.year, .month], from: interval.start)
            label = String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
        }
        return ReportPeriod(kind: kind, label: label, start: interval.start, end: interval.end)
    }

    /// The period just before this one.
    public func previous(timeZone: TimeZone) -> ReportPeriod {
        Self.containing(start.addingTimeInterval(-1), kind: kind, timeZone: timeZone)
    }
}
