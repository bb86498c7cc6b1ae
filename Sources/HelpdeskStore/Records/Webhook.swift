import Foundation

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
