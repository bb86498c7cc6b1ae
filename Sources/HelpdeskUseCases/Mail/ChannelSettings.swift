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

    /// The write-only fields: never read back, kept when an update leaves them out.
    public static var secrets: [WritableKeyPath<ChannelSettings, String?>] {
        [
            \.password, \.appSecret, \.signingSecret, \.botToken, \.verificationToken, \.encryptKey, \.token,
            \.encodingAESKey, \.secret,
        ]
    }

    /// The names of ``secrets`` in the order of that list, as the API and forms call them.
    public static let secretNames = [
        "password", "appSecret", "signingSecret", "botToken", "verificationToken", "encryptKey", "token",
        "encodingAESKey", "secret",
    ]

    /// Without the secrets, as every read shows them.
    public var redacted: ChannelSettings {
        var copy = self
        for key in Self.secrets { copy[keyPath: key] = nil }
        return copy
    }

    /// The names of the secrets that are set.
    public var secretsSet: [String] {
        zip(Self.secrets, Self.secretNames).compactMap { key, name in self[keyPath: key]?.isEmpty == false ? name : nil
        }
    }

    /// These settings, each secret left out taken from `stored`.
    public func keepingSecrets(of stored: ChannelSettings) -> ChannelSettings {
        var copy = self
        for key in Self.secrets where copy[keyPath: key] == nil { copy[keyPath: key] = stored[keyPath: key] }
        return copy
    }
}
