import Foundation

/// A page of the audit log, newest first: "who saw person X", "what did admin Y change".
public struct AuditQuery: Equatable, Sendable {
    public var subjectId: Int64?
    public var actorId: Int64?
    public var since: Date?
    public var until: Date?
    /// Entries with a smaller id than this (the cursor of the previous page).
    public var before: Int64?
    public var limit: Int

    public static let limits = 1...500

    public init(
        subjectId: Int64? = nil, actorId: Int64? = nil, since: Date? = nil, until: Date? = nil, before: Int64? = nil,
        limit: Int = 50
    ) {
        self.subjectId = subjectId
        self.actorId = actorId
        self.since = since
        self.until = until
        self.before = before
        self.limit = limit
    }
}
