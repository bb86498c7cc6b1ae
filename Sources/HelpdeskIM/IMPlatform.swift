import Foundation

/// The IM platforms the desk takes requests from (issue #11).
public enum IMPlatform: String, Codable, Sendable, CaseIterable {
    case dingtalk, feishu, wecom, slack

    /// The platform's public API, unless a channel overrides it (tests point it at a local fake).
    public var defaultAPIBase: String {
        switch self {
        case .dingtalk: "https://oapi.dingtalk.com"
        case .feishu: "https://open.feishu.cn"
        case .wecom: "https://qyapi.weixin.qq.com"
        case .slack: "https://slack.com"
        }
    }

    /// Checks what the platform signs and reads the callback; throws ``IMRejection``.
    public func verify(_ request: IMRequest, credentials: IMCredentials, now: Date) throws -> IMEvent {
        switch self {
        case .dingtalk: try DingTalkRobot.verify(request, appSecret: credentials.appSecret ?? "", now: now)
        case .slack: try SlackEvents.verify(request, signingSecret: credentials.signingSecret ?? "", now: now)
        case .feishu:
            try FeishuEvents.verify(
                request, verificationToken: credentials.verificationToken ?? "",
                encryptKey: credentials.encryptKey ?? "", now: now)
        case .wecom:
            try WeComCallback.verify(
                request, token: credentials.token ?? "", encodingAESKey: credentials.encodingAESKey ?? "",
                corpId: credentials.corpId ?? "", now: now)
        }
    }
}

/// A channel's secrets and ids, as many as its platform uses.
public struct IMCredentials: Sendable, Equatable {
    /// DingTalk's robot AppSecret; Feishu's app secret.
    public var appSecret: String?
    /// Slack.
    public var signingSecret: String?
    public var botToken: String?
    /// Feishu.
    public var verificationToken: String?
    public var encryptKey: String?
    public var appId: String?
    /// WeCom.
    public var token: String?
    public var encodingAESKey: String?
    public var corpId: String?
    public var secret: String?
    /// The platform's API (default ``IMPlatform/defaultAPIBase``).
    public var apiBaseUrl: String?

    public init(
        appSecret: String? = nil, signingSecret: String? = nil, botToken: String? = nil,
        verificationToken: String? = nil, encryptKey: String? = nil, appId: String? = nil, token: String? = nil,
        encodingAESKey: String? = nil, corpId: String? = nil, secret: String? = nil, apiBaseUrl: String? = nil
    ) {
        self.appSecret = appSecret
        self.signingSecret = signingSecret
        self.botToken = botToken
        self.verificationToken = verificationToken
        self.encryptKey = encryptKey
        self.appId = appId
        self.token = token
        self.encodingAESKey = encodingAESKey
        self.corpId = corpId
        self.secret = secret
        self.apiBaseUrl = apiBaseUrl
    }
}
