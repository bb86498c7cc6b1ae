import Foundation
import HelpdeskCore

/// The library of reply templates (R8.1). Part of ``HelpdeskStore``.
public protocol ReplyTemplateStore: Sendable {
    /// Every template, in `sortOrder` then id order.
    func replyTemplates() async throws -> [ReplyTemplate]
    func replyTemplate(id: Int64) async throws -> ReplyTemplate?
    /// Inserts (id 0) or replaces a template; `StoreError.notFound` when there is no such id.
    func saveReplyTemplate(_ template: ReplyTemplate, now: Date) async throws -> ReplyTemplate
    func deleteReplyTemplate(id: Int64) async throws
    /// Adds `defaults` the first time it is called on a database, and never again: a desk
    /// that deleted them does not get them back. Concurrent first calls from several instances
    /// add them once. Returns true when it added them.
    func seedReplyTemplates(_ defaults: [ReplyTemplate], now: Date) async throws -> Bool
}
