import Foundation
import HelpdeskCore
import HelpdeskStore

/// The audit log for administrators (R9.5): "who saw person X", "what did Y change", and the
/// check that no row was edited since it was written.
public struct AuditService: Sendable {
    let store: any AuditStore

    public init(store: any AuditStore) {
        self.store = store
    }

    public struct Page: Sendable {
        public let items: [AuditEntry]
        public let nextCursor: Int64?
    }

    public func list(_ query: AuditQuery, for viewer: User) async throws -> Page {
        try Authorize.admin(viewer, "audit")
        guard AuditQuery.limits.contains(query.limit) else { throw UseCaseError.invalidValue(field: "limit") }
        let items = try await store.auditEntries(query)
        return Page(items: items, nextCursor: items.count == query.limit ? items.last?.id : nil)
    }

    /// For the command line, which runs with the database's own rights.
    public func verify() async throws -> AuditVerification {
        try await store.verifyAuditChain()
    }
}
