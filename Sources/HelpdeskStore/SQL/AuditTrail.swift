import Foundation
import HelpdeskCore
import Synchronization

/// Audit entries waiting for the transaction of the change they record (R9.5). A use case runs
/// its store call inside ``recording(_:_:)``; the first write transaction the store opens in
/// that scope takes the entries and appends them before committing, so a change and its audit
/// row are stored together or not at all.
public enum AuditTrail {
    @TaskLocal static var pending: PendingAudit?

    /// Makes the entry from the transaction's result (a created user, say), so it can name it.
    public typealias Draft = @Sendable (_ result: any Sendable) -> AuditEntry

    public static func recording<T: Sendable>(_ draft: @escaping Draft, _ body: () async throws -> T) async throws
        -> T
    {
        try await $pending.withValue(PendingAudit(draft)) { try await body() }
    }

    public static func recording<T: Sendable>(_ entry: AuditEntry, _ body: () async throws -> T) async throws -> T {
        try await recording({ _ in entry }, body)
    }
}

/// The drafts of one ``AuditTrail/recording(_:_:)`` scope, taken once.
final class PendingAudit: Sendable {
    private let drafts: Mutex<[AuditTrail.Draft]>

    init(_ draft: @escaping AuditTrail.Draft) {
        drafts = Mutex([draft])
    }

    func take(_ result: any Sendable) -> [AuditEntry] {
        drafts.withLock { drafts in
            defer { drafts = [] }
            return drafts.map { $0(result) }
        }
    }
}
