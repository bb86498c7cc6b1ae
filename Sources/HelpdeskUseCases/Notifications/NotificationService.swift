import Foundation
import HelpdeskCore
import HelpdeskStore

/// Every user's in-app inbox, and for administrators the webhooks and their delivery log.
public struct NotificationService: Sendable {
    let store: any NotificationStore & ConfigurationStore
    let clock: AppClock

    public init(store: any NotificationStore & ConfigurationStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    public struct InboxPage: Sendable {
        public var items: [InboxItem]
        public var unread: Int
        public var nextCursor: Int64?
    }

    public struct WebhookCommand: Decodable, Sendable, Equatable {
        public var name: String
        public var url: String
        /// Generated when omitted.
        public var secret: String?
        public var events: [String]?
        public var active: Bool?

        public init(name: String, url: String, secret: String? = nil, events: [String]? = nil, active: Bool? = nil) {
            self.name = name
            self.url = url
            self.secret = secret
            self.events = events
            self.active = active
        }
    }

    public static let pageLimits = 1...200

    public func inbox(for user: User, unreadOnly: Bool, before: Int64?, limit: Int) async throws -> InboxPage {
        guard Self.pageLimits.contains(limit) else { throw UseCaseError.invalidValue(field: "limit") }
        let items = try await store.inbox(userId: user.id, unreadOnly: unreadOnly, before: before, limit: limit + 1)
        let page = Array(items.prefix(limit))
        return InboxPage(
            items: page, unread: try await store.unreadCount(userId: user.id),
            nextCursor: items.count > limit ? page.last?.id : nil)
    }

    /// The header's unread badge on every page.
    public func unreadCount(for user: User) async throws -> Int {
        try await store.unreadCount(userId: user.id)
    }

    /// Marks the given notifications (all unread when nil) read; returns how many changed.
    public func markRead(_ ids: [Int64]?, for user: User) async throws -> Int {
        guard (ids?.count ?? 0) <= 500 else { throw UseCaseError.invalidValue(field: "ids") }
        return try await store.markRead(userId: user.id, ids: ids, now: clock.now())
    }

    public func webhooks(for admin: User) async throws -> [WebhookView] {
        try Authorize.admin(admin, "webhooks")
        return try await store.webhooks().map { WebhookView($0) }
    }

    /// Creates (`id` 0) or replaces a webhook. An update without a secret keeps the one it has,
    /// since admins never see it again after the create.
    public func saveWebhook(_ id: Int64, _ command: WebhookCommand, by admin: User) async throws -> WebhookView {
        try Authorize.admin(admin, "webhooks")
        var command = command
        if id != 0, command.secret == nil {
            guard let existing = try await store.webhooks().first(where: { $0.id == id }) else {
                throw UseCaseError.notFound(resource: "webhook")
            }
            command.secret = existing.secret
        }
        let webhook = try Self.validated(command, id: id)
        if let host = URL(string: webhook.url)?.host, InternalAddress.isInternal(host: host),
            try await !store.deskSettings().allowInternalWebhookTargets
        {
            throw UseCaseError.internalAddress(field: "url")
        }
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .webhookSaved, target: "webhook:\((saved as? Webhook)?.id ?? id)",
                detail: ["url": webhook.url, "active": String(webhook.active)])
        }
        let saved = try await AuditTrail.recording(draft) {
            try await store.saveWebhook(webhook, now: now)
        }
        return WebhookView(saved, showingSecret: id == 0)
    }

    public func deleteWebhook(_ id: Int64, by admin: User) async throws {
        try Authorize.admin(admin, "webhooks")
        let entry = AuditEntry(at: clock.now(), actor: admin, action: .webhookDeleted, target: "webhook:\(id)")
        try await AuditTrail.recording(entry) { try await store.deleteWebhook(id: id) }
    }

    public func deliveries(webhookId: Int64?, before: Int64?, limit: Int, for admin: User) async throws -> [Delivery] {
        try Authorize.admin(admin, "deliveries")
        guard Self.pageLimits.contains(limit) else { throw UseCaseError.invalidValue(field: "limit") }
        return try await store.deliveries(webhookId: webhookId, before: before, limit: limit)
    }

    /// Sends a failed delivery once more: it goes back in the queue, due now, and the next
    /// scheduler tick on any instance claims and sends it (a webhook's to its current URL).
    /// Failing again marks it failed again.
    public func retryDelivery(_ id: Int64, by admin: User) async throws -> Delivery {
        try Authorize.admin(admin, "deliveries")
        guard let delivery = try await store.delivery(id: id) else { throw UseCaseError.notFound(resource: "delivery") }
        guard delivery.status == .failed else { throw UseCaseError.deliveryNotFailed }
        var detail = ["event": delivery.event, "channel": delivery.channel.rawValue]
        if let webhookId = delivery.webhookId { detail["webhook"] = String(webhookId) }
        let entry = AuditEntry(
            at: clock.now(), actor: admin, action: .deliveryRetried, target: "delivery:\(id)", detail: detail)
        do {
            return try await AuditTrail.recording(entry) {
                try await store.requeueFailedDelivery(id: id, now: entry.at)
            }
        } catch StoreError.notFound {
            // Another admin retried it between the read and the update.
            throw UseCaseError.deliveryNotFailed
        }
    }

    static func validated(_ command: WebhookCommand, id: Int64) throws -> Webhook {
        guard let name = TextInput.clean(command.name, max: 100) else { throw UseCaseError.invalidValue(field: "name") }
        guard let url = URL(string: command.url), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host != nil, command.url.count <= 2000, url.port.map({ (1...65_535).contains($0) }) ?? true
        else { throw UseCaseError.invalidValue(field: "url") }
        let secret = command.secret ?? Tokens.generate()
        guard secret.count >= 16, secret.count <= 200 else { throw UseCaseError.invalidValue(field: "secret") }
        let known = Set(NoticeKind.allCases.map(\.rawValue))
        let events = command.events ?? []
        guard events.allSatisfy(known.contains) else { throw UseCaseError.invalidValue(field: "events") }
        return Webhook(
            id: id, name: name, url: command.url, secret: secret, events: events, active: command.active ?? true)
    }
}
