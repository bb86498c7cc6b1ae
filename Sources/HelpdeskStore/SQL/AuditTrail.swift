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

/// The drafts of one ``AuditTrail/recording(_:_:)`` scope, taken by one write.
final class PendingAudit: Sendable {
    private let drafts: [AuditTrail.Draft]
    private let owner = Mutex<WriteAttempt?>(nil)

    init(_ draft: @escaping AuditTrail.Draft) {
        drafts = [draft]
    }

    /// The entries for the first write of the scope; each run of that write's transaction gets
    /// them again (SQLite's group commit re-runs a rolled-back group one by one), any later
    /// write gets none.
    func take(_ result: any Sendable, by write: WriteAttempt) -> [AuditEntry] {
        guard WriteAttempt.claim(owner, for: write) else { return [] }
        return drafts.map { $0(result) }
    }
}

/// One ``SQLStore`` write call, whose transaction may run more than once.
final class WriteAttempt: Sendable {
    /// True when `owner` is free (and is now `write`, kept alive there so that no later write
    /// can look like it) or is `write` already.
    static func claim(_ owner: borrowing Mutex<WriteAttempt?>, for write: WriteAttempt) -> Bool {
        owner.withLock { owner in
            if owner == nil { owner = write }
            return owner === write
        }
    }
}
