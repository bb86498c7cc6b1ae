import Foundation

/// One outbound message and its delivery log.
public struct Delivery: Codable, Equatable, Sendable {
    public enum Channel: String, Codable, Sendable {
        case webhook, email
        /// To the IM conversation a ticket came from (issue #11).
        case im
    }

    public enum Status: String, Codable, Sendable {
        case pending, delivered, failed
    }

    public var id: Int64
    public var channel: Channel
    public var webhookId: Int64?
    public var userId: Int64?
    /// The URL, the e-mail address, or for IM the channel's id.
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
