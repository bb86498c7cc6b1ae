import Foundation

/// Where the answers to an IM request go: the conversation it came from (R1.5, R5.2).
public struct IMReplyTarget: Codable, Sendable, Equatable {
    public var platform: IMPlatform
    public var conversationId: String
    public var threadId: String?
    public var senderId: String
    public var replyURL: String?
    public var replyURLExpiresAt: Date?
    public var agentId: String?

    public init(
        platform: IMPlatform, conversationId: String, threadId: String? = nil, senderId: String,
        replyURL: String? = nil, replyURLExpiresAt: Date? = nil, agentId: String? = nil
    ) {
        self.platform = platform
        self.conversationId = conversationId
        self.threadId = threadId
        self.senderId = senderId
        self.replyURL = replyURL
        self.replyURLExpiresAt = replyURLExpiresAt
        self.agentId = agentId
    }

    public init(_ message: IMInboundMessage) {
        self.init(
            platform: message.platform, conversationId: message.conversationId, threadId: message.threadId,
            senderId: message.senderId, replyURL: message.replyURL, replyURLExpiresAt: message.replyURLExpiresAt,
            agentId: message.agentId)
    }
}
