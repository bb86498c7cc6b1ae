import Foundation

/// A channel's settings as an admin writes them (issue #11). IMAP: host, port, security
/// (`tls` | `starttls`), username, password (write-only), folder, pollSeconds, moveTo (a folder
/// the taken messages are moved to; without it they are marked read); any kind: its service
/// hours (R8.3), `serviceHours: "24x7"` or `calendarId` (default: the policy's calendar).
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

    /// Without the secret, as every read shows them.
    public var redacted: ChannelSettings {
        var copy = self
        copy.password = nil
        return copy
    }
}
