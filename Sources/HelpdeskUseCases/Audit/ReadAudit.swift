import Foundation
import HelpdeskCore
import HelpdeskStore
import Synchronization

/// Records reads of personal data in full (R9.5). A handler opens the same ticket many times
/// while working on it; one entry per person, action and ticket every ten minutes answers
/// "who saw X, when" without a row per page view.
public final class ReadAudit: Sendable {
    let store: any AuditStore
    let window: TimeInterval
    private let recent = Mutex<[String: Date]>([:])

    public init(store: any AuditStore, window: TimeInterval = 600) {
        self.store = store
        self.window = window
    }

    /// Appends `entry` unless the same actor did the same to the same target within the window.
    /// Reveals and exports are always recorded.
    public func record(_ entry: AuditEntry) async throws {
        let key = [
            entry.actorId.map(String.init) ?? "", entry.action.rawValue, entry.ticketNumber ?? "", entry.target ?? "",
        ].joined(separator: "|")
        let deduplicated = entry.action == .ticketViewed || entry.action == .attachmentDownloaded
        if deduplicated {
            let fresh = recent.withLock { recent in
                if let last = recent[key], entry.at.timeIntervalSince(last) < window, entry.at >= last { return false }
                if recent.count > 50_000 { recent.removeAll(keepingCapacity: true) }
                recent[key] = entry.at
                return true
            }
            guard fresh else { return }
        }
        do {
            try await store.appendAudit([entry])
        } catch {
            // Not recorded: the next read must try again.
            if deduplicated { _ = recent.withLock { $0.removeValue(forKey: key) } }
            throw error
        }
    }
}
