import Foundation
import HelpdeskCore

/// The audit log (R9.5). Part of ``HelpdeskStore``.
///
/// Changes are recorded in the transaction that makes them: a use case wraps the store call in
/// ``AuditTrail/recording(_:_:)`` and the store appends the entry before it commits. Reads of
/// personal data have no transaction of their own and are appended with ``appendAudit(_:)``.
public protocol AuditStore: Sendable {
    func appendAudit(_ entries: [AuditEntry]) async throws
    func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry]
    /// Recomputes the chain from the first row: the number of rows checked and the id of the
    /// first row whose hash or link does not match, if any.
    func verifyAuditChain() async throws -> AuditVerification
}

public struct AuditVerification: Equatable, Sendable {
    public let checked: Int
    public let firstBrokenId: Int64?
    public var intact: Bool { firstBrokenId == nil }

    public init(checked: Int, firstBrokenId: Int64?) {
        self.checked = checked
        self.firstBrokenId = firstBrokenId
    }
}
