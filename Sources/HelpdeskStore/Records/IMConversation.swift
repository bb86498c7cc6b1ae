import Foundation

/// The IM conversation a ticket came from (M023): where its answers go.
public struct IMConversation: Sendable, Equatable {
    public var ticketId: Int64
    public var channelId: Int64
    public var conversationId: String
    public var requesterId: Int64
    /// The reply target as the IM use case encodes it.
    public var target: String
    public var updatedAt: Date

    public init(
        ticketId: Int64 = 0, channelId: Int64, conversationId: String, requesterId: Int64, target: String,
        updatedAt: Date
    ) {
        self.ticketId = ticketId
        self.channelId = channelId
        self.conversationId = conversationId
        self.requesterId = requesterId
        self.target = target
        self.updatedAt = updatedAt
    }
}
