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
    /// The message opens the ticket: its transaction fails with ``IMConversationTaken`` when
    /// another message of the same requester opened one in the conversation meanwhile.
    public var opensTicket: Bool

    public init(
        ticketId: Int64 = 0, channelId: Int64, conversationId: String, requesterId: Int64, target: String,
        updatedAt: Date, opensTicket: Bool = false
    ) {
        self.opensTicket = opensTicket
        self.ticketId = ticketId
        self.channelId = channelId
        self.conversationId = conversationId
        self.requesterId = requesterId
        self.target = target
        self.updatedAt = updatedAt
    }
}

/// A sender's id on an IM channel and the desk's user it stands for (M023 `im_identities`),
/// with the account's names as a list shows them.
public struct IMIdentity: Sendable, Equatable {
    public var channelId: Int64
    public var externalId: String
    public var userId: Int64
    public var username: String
    public var displayName: String
    public var external: Bool
    public var createdAt: Date

    public init(
        channelId: Int64, externalId: String, userId: Int64, username: String, displayName: String, external: Bool,
        createdAt: Date
    ) {
        self.channelId = channelId
        self.externalId = externalId
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.external = external
        self.createdAt = createdAt
    }
}

/// Two messages of one requester in one conversation were processed at once and the other one
/// opened a ticket first: this one's transaction rolled back, and it joins that ticket instead.
public struct IMConversationTaken: Error, Equatable {
    public init() {}
}
