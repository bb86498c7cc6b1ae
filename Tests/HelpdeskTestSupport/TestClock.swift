import Foundation
import Synchronization

/// A clock tests set and advance by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Instants written as Asia/Shanghai wall-clock time, the way the spec's examples read.
public enum Shanghai {
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// `"2026-11-20 16:00"` in Asia/Shanghai.
    public static func date(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
        return date
    }
}
