/// `admin-channels.mustache`: the intake channels with their health, and the quarantine with
/// the raw download and reprocess for each message, the form that adds an IMAP mailbox, an
/// MTA's mailgate or an IM bot (DingTalk, Feishu, WeCom, Slack), each IM channel's callback URL,
/// and each channel's delete (issue #11).
struct AdminChannelsPage: PageModel {
    static let template = "admin-channels"

    struct Row: Sendable {
        let id: Int64
        let name: String
        let kind: String
        let active: Bool
        let lastSuccess: String
        let lastError: String
        let received: Int
        let quarantined: Int
        let sent: Int
        /// An IM channel's callback URL, for the platform's console.
        let callbackURL: String?
    }

    struct Quarantined: Sendable {
        let id: Int64
        let receivedAt: String
        let channel: String
        let error: String
        let sha256: String
    }

    /// A sender's id on an IM channel and the account it stands for.
    struct Identity: Sendable {
        let channelId: Int64
        let channel: String
        let externalId: String
        let account: String
        let external: Bool
        let linkedAt: String
    }

    struct ChannelOption: Sendable {
        let id: Int64
        let name: String
    }

    struct CalendarOption: Sendable {
        let id: Int64
        let name: String
    }

    let channels: [Row]
    let quarantine: [Quarantined]
    /// The IM channels' sender links, and the channels an admin may link a sender on.
    let identities: [Identity]
    let imChannels: [ChannelOption]
    let hasIMChannels: Bool
    /// The calendars a channel's own service hours may follow (R8.3).
    let calendars: [CalendarOption]
    /// What the last reprocess did, when the page follows one.
    let outcome: String?
    /// A new mailgate channel's token and the command for the MTA, shown once after creating it.
    let createdToken: String?
    let mailgateCommand: String?
}
