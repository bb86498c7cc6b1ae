import Foundation

/// The notification pipeline: the outbox, the in-app inbox, webhooks and the delivery log.
/// Part of ``HelpdeskStore``.
public protocol NotificationStore: Sendable {
    /// Resolves the recipients of up to `limit` outbox notices and fans each out, in one
    /// transaction, to inbox rows, webhook deliveries and (when `email`) e-mail deliveries.
    func dispatchNotifications(now: Date, limit: Int, email: Bool) async throws -> Int
    /// Leases up to `limit` due deliveries for `lease` seconds; another instance skips them.
    func claimDeliveries(now: Date, limit: Int, lease: TimeInterval) async throws -> [Delivery]
    func finishDelivery(id: Int64, outcome: DeliveryOutcome, now: Date) async throws

    func inbox(userId: Int64, unreadOnly: Bool, before: Int64?, limit: Int) async throws -> [InboxItem]
    func unreadCount(userId: Int64) async throws -> Int
    /// Marks the given notifications (all when nil) of the user read; returns how many changed.
    func markRead(userId: Int64, ids: [Int64]?, now: Date) async throws -> Int

    func webhooks() async throws -> [Webhook]
    func saveWebhook(_ webhook: Webhook, now: Date) async throws -> Webhook
    func deleteWebhook(id: Int64) async throws
    func deliveries(webhookId: Int64?, before: Int64?, limit: Int) async throws -> [Delivery]
    func delivery(id: Int64) async throws -> Delivery?
    /// Puts a failed delivery back in the queue, due at `now`, for the next claim to send once
    /// more (a webhook's to the webhook's current URL). Throws `StoreError.notFound` when there
    /// is no failed delivery with that id (the transaction, and its audit entry, roll back).
    func requeueFailedDelivery(id: Int64, now: Date) async throws -> Delivery
}
