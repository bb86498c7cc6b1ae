import Foundation
import HelpdeskCore
import Hummingbird

/// Query-string values as the API and the web queues read them: an empty value is absent (a
/// form's "any" option sends one); a malformed value is a 400 `invalid_parameter` naming the
/// parameter, never silently ignored.
enum QueryParsing {
    /// `a,b,c` into values; absent or empty is none.
    static func list<T>(_ raw: String?, _ name: String, _ parse: (String) -> T?) throws -> [T] {
        guard let raw, !raw.isEmpty else { return [] }
        return try raw.split(separator: ",").map {
            guard let value = parse(String($0)) else { throw APIError.invalidParameter(name) }
            return value
        }
    }

    /// A positive id; absent or empty is nil; zero, negative or not a number is refused.
    static func id(_ raw: String?, _ name: String) throws -> Int64? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Int64(raw), value > 0 else { throw APIError.invalidParameter(name) }
        return value
    }

    /// An offset cursor (`nextCursor` of a list paged by count): 0 or more; absent or empty is 0.
    static func offset(_ raw: String?, _ name: String = "cursor") throws -> Int {
        guard let raw, !raw.isEmpty else { return 0 }
        guard let value = Int(raw), value >= 0 else { throw APIError.invalidParameter(name) }
        return value
    }

    static func limit(_ raw: String?, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw, !raw.isEmpty else { return value }
        guard let limit = Int(raw), range.contains(limit) else { throw APIError.invalidParameter("limit") }
        return limit
    }

    /// One value of a raw-valued enumeration (`channel=email`, `sort=due`); absent or empty is nil.
    static func value<T: RawRepresentable>(_ raw: String?, _ name: String, as type: T.Type) throws -> T?
    where T.RawValue == String {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = T(rawValue: raw) else { throw APIError.invalidParameter(name) }
        return value
    }

    static func bool(_ raw: String?, _ name: String) throws -> Bool? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Bool(raw) else { throw APIError.invalidParameter(name) }
        return value
    }

    /// An ISO 8601 instant (`2026-12-01T00:00:00+08:00`); absent or empty is nil.
    static func date(_ raw: String?, _ name: String) throws -> Date? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let date = StrictISO8601.date(from: raw) else { throw APIError.invalidParameter(name) }
        return date
    }

    /// A report figure (`responseMet`, `backlog.3to7d`, …); absent or empty is nil.
    static func figure(_ raw: String?) throws -> ReportFigure? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let figure = ReportFigure(text: raw) else { throw APIError.invalidParameter("figure") }
        return figure
    }
}
