import Foundation
import HelpdeskCore

/// What the SLA engine and the notification pipeline persist: due timers, the outbox, the
/// in-app inbox, webhooks and the delivery log. Part of ``HelpdeskStore``.
public protocol EngineStore: Sendable {
    /// Fires the due timers of up to `limit` tickets, one transaction per ticket: the fired keys,
    /// the effects, their events and notices commit together, so each timer fires once even
    /// with several schedulers on one database. Returns how many tickets changed.
    func fireDueTimers(now: Date, limit: Int) async throws -> Int
    /// After the engine's settings change: every ticket not closed is planned again on the
    /// scheduler's next tick.
    func replanTimers() async throws
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

    /// Tickets linked to a major incident (R8.2).
    func linkedTickets(to majorNumber: String) async throws -> [LinkedTicket]
    /// Open tickets with an extension request waiting for a decision (R3.5), newest first.
    func ticketsWithPendingExtensions(limit: Int) async throws -> [Ticket]
}

public struct InboxItem: Codable, Equatable, Sendable {
    public var id: Int64
    public var kind: String
    public var ticketNumber: String
    public var arguments: [String: String]
    public var createdAt: Date
    public var readAt: Date?
}

public struct Webhook: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var url: String
    /// HMAC-SHA256 key for the `X-Helpdesk-Signature` header.
    public var secret: String
    /// Notice kinds sent; all when empty.
    public var events: [String]
    public var active: Bool
    public var createdAt: Date?

    public init(id: Int64 = 0, name: String, url: String, secret: String, events: [String] = [], active: Bool = true) {
        self.id = id
        self.name = name
        self.url = url
        self.secret = secret
        self.events = events
        self.active = active
    }
}

/// One outbound message and its delivery log.
public struct Delivery: Codable, Equatable, Sendable {
    public enum Channel: String, Codable, Sendable {
        case webhook, email
    }

    public enum Status: String, Codable, Sendable {
        case pending, delivered, failed
    }

    public var id: Int64
    public var channel: Channel
    public var webhookId: Int64?
    public var userId: Int64?
    /// The URL or e-mail address.
    public var target: String
    public var event: String
    /// Webhook: the JSON body. E-mail: the notice, rendered in the recipient's language when sent.
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var lastStatus: Int?
    public var createdAt: Date
    public var deliveredAt: Date?
}

public enum DeliveryOutcome: Sendable, Equatable {
    case delivered(status: Int?)
    /// `retryAt` nil: give up (the delivery is marked failed).
    case failed(status: Int?, error: String, retryAt: Date?)
}

public struct LinkedTicket: Codable, Equatable, Sendable {
    public var number: String
    public var requesterUserId: Int64?
    public var isOpen: Bool
}
