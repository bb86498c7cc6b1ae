import Foundation
import Hummingbird
import Synchronization

/// A clock an admin sets by hand, for training drills (演练) and reproducible walk-throughs:
/// `helpdesk serve --simulated-clock 2026-11-20T16:00:00+08:00`. Off by default; when off, the
/// clock endpoint does not exist.
public final class SimulatedClock: Sendable {
    private let current: Mutex<Date>

    public init(start: Date) {
        current = Mutex(start)
    }

    public var appClock: AppClock { AppClock { [self] in current.withLock { $0 } } }

    struct ClockBody: Codable, ResponseEncodable {
        var now: Date
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/clock") { _, context in
            _ = try context.requireRole([.admin], action: "clock")
            return ClockBody(now: self.current.withLock { $0 })
        }
        group.put("admin/clock") { request, context in
            _ = try context.requireRole([.admin], action: "clock")
            let body = try await request.decodeJSON(ClockBody.self, context: context)
            self.current.withLock { $0 = body.now }
            return body
        }
    }
}
