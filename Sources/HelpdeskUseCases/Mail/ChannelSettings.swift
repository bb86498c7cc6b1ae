import Foundation

/// A channel's settings as an admin writes them (issue #11). IMAP: host, port, security
/// (`tls` | `starttls`), username, password (write-only), folder, pollSeconds, moveTo (a folder
/// the taken messages are moved to; without it they are marked read). IM kinds: the platform's
/// ids and secrets (write-only) — DingTalk appSecret; Slack signingSecret, botToken; Feishu
/// verificationToken, encryptKey, appId, appSecret; WeCom token, encodingAESKey, corpId,
/// secret — and apiBaseUrl (the platform's API, for a proxy or a test's fake). Any kind: its
/// service hours (R8.3), `serviceHours: "24x7"` or `calendarId` (default: the policy's calendar).
public struct ChannelSettings: Codable, Sendable, Equatable {
    public var host: String?
    public var port: Int?
    public var security: String?
    public var username: String?
    public var password: String?
    public var folder: String?
    public var pollSeconds: Int?
    public var moveTo: String?
    public var serviceHours: String?
    public var calendarId: Int64?
    public var appSecret: String?
    public var signingSecret: String?
    public var botToken: String?
    public var verificationToken: String?
    public var encryptKey: String?
    public var appId: String?
    public var token: String?
    public var encodingAESKey: String?
    public var corpId: String?
    public var secret: String?
    public var apiBaseUrl: String?

    public init(
        host: String? = nil, port: Int? = nil, security: String? = nil, username: String? = nil,
        password: String? = nil, folder: String? = nil, pollSeconds: Int? = nil, moveTo: String? = nil,
        serviceHours: String? = nil, calendarId: Int64? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.pollSeconds = pollSeconds
        self.moveTo = moveTo
        self.serviceHours = serviceHours
        self.calendarId = calendarId
    }

    public typealias Field = (name: String, key: WritableKeyPath<ChannelSettings, String?>)

    /// The IM platforms' settings, named as the API and the forms name them.
    public static var imFields: [Field] {
        [
            ("appSecret", \.appSecret), ("signingSecret", \.signingSecret), ("botToken", \.botToken),
            ("verificationToken", \.verificationToken), ("encryptKey", \.encryptKey), ("appId", \.appId),
            ("token", \.token), ("encodingAESKey", \.encodingAESKey), ("corpId", \.corpId), ("secret", \.secret),
            ("apiBaseUrl", \.apiBaseUrl),
        ]
    }

    /// The write-only fields: never read back, kept when an update leaves them out.
    public static var secretFields: [Field] {
        [("password", \.password)] + imFields.filter { !["appId", "corpId", "apiBaseUrl"].contains($0.name) }
    }

    /// The names of ``secretFields``.
    public static var secretNames: [String] { secretFields.map(\.name) }

    /// Without the secrets, as every read shows them.
    public var redacted: ChannelSettings {
        var copy = self
        for field in Self.secretFields { copy[keyPath: field.key] = nil }
        return copy
    }

    /// The names of the secrets that are set.
    public var secretsSet: [String] {
        Self.secretFields.compactMap { self[keyPath: $0.key]?.isEmpty == false ? $0.name : nil }
    }

    /// These settings, each secret left out taken from `stored`.
    public func keepingSecrets(of stored: ChannelSettings) -> ChannelSettings {
        var copy = self
        for field in Self.secretFields where copy[keyPath: field.key] == nil {
            copy[keyPath: field.key] = stored[keyPath: field.key]
        }
        return copy
    }
}
