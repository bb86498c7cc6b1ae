import Foundation

/// One message a user sent the desk's bot, as every platform's adapter gives it: where it was
/// written (to answer there), by whom, the text, and the platform's id of the delivery (the
/// key that makes a delivery repeated five times one message).
public struct IMInboundMessage: Codable, Sendable, Equatable {
    public var platform: IMPlatform
    /// The platform's id of the message or event: repeated deliveries carry the same one.
    public var eventId: String
    /// The chat (DingTalk conversation, Slack channel, Feishu chat, WeCom user's app chat).
    public var conversationId: String
    /// Slack's thread (`thread_ts`, else the message's own `ts`): the answers go in it.
    public var threadId: String?
    public var senderId: String
    public var senderName: String?
    public var text: String
    /// DingTalk's `sessionWebhook`: where the answers go, until it expires.
    public var replyURL: String?
    public var replyURLExpiresAt: Date?
    /// WeCom's application (`AgentID`) the message was written to.
    public var agentId: String?
    /// When the platform says it was sent.
    public var sentAt: Date?
    /// What must not be seen twice on a channel, when the platform's signature does not cover
    /// the body (DingTalk: its timestamp and sign), so that one captured signature cannot carry
    /// a second, made-up message within the window.
    public var nonce: String?

    public init(
        platform: IMPlatform, eventId: String, conversationId: String, threadId: String? = nil, senderId: String,
        senderName: String? = nil, text: String, replyURL: String? = nil, replyURLExpiresAt: Date? = nil,
        agentId: String? = nil, sentAt: Date? = nil, nonce: String? = nil
    ) {
        self.nonce = nonce
        self.platform = platform
        self.eventId = eventId
        self.conversationId = conversationId
        self.threadId = threadId
        self.senderId = senderId
        self.senderName = senderName
        self.text = text
        self.replyURL = replyURL
        self.replyURLExpiresAt = replyURLExpiresAt
        self.agentId = agentId
        self.sentAt = sentAt
    }
}
