import Foundation
import HelpdeskStore

/// A webhook as admins see it. The signing secret is write-only: it is shown once, in the answer
/// to the create that set or generated it, and never listed or echoed by an update.
public struct WebhookView: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var url: String
    public var events: [String]
    public var active: Bool
    public var createdAt: Date?
    /// Only in the answer to a create.
    public var secret: String?

    init(_ webhook: Webhook, showingSecret: Bool = false) {
        id = webhook.id
        name = webhook.name
        url = webhook.url
        events = webhook.events
        active = webhook.active
        createdAt = webhook.createdAt
        secret = showingSecret ? webhook.secret : nil
    }
}
