import Foundation

/// One message seen on a channel or sent on one (M018).
public struct MailMessage: Sendable, Equatable {
    public enum Direction: String, Sendable, Codable {
        case incoming = "in"
        case outgoing = "out"
    }
    public enum Status: String, Sendable, Codable { case received, processed, quarantined, sent }

    /// An attachment as listed with the message (the bytes are the ticket's attachment).
    public struct File: Sendable, Equatable, Codable {
        public var name: String
        public var size: Int
        public var sha256: String
        /// An inline part's Content-ID, which the mail's HTML refers to as `cid:`.
        public var contentId: String?
        public init(name: String, size: Int, sha256: String, contentId: String? = nil) {
            self.name = name
            self.size = size
            self.sha256 = sha256
            self.contentId = contentId
        }
    }

    public var id: Int64
    public var channelId: Int64?
    public var direction: Direction
    public var status: Status
    public var rawSha256: String
    public var messageId: String?
    public var ticketId: Int64?
    public var from: String?
    public var to: [String]
    public var subject: String?
    public var text: String?
    /// An HTML body, sanitised for display (`cid:` images still to be mapped to the ticket's files).
    public var html: String?
    public var attachments: [File]
    public var error: String?
    /// An automatic message (incoming: an auto-reply or bulk mail; outgoing: `Auto-Submitted`).
    public var automatic: Bool
    public var receivedAt: Date
    public var processedAt: Date?
}

/// What storing a raw message did: its row, and whether the same message (Message-ID and
/// digest) had been stored already, in which case nothing was written.
public struct RawMailReceipt: Sendable, Equatable {
    public var messageId: Int64
    public var duplicate: Bool
    public init(messageId: Int64, duplicate: Bool) {
        self.messageId = messageId
        self.duplicate = duplicate
    }
}

/// The parsed fields intake records with a processed message.
public struct MailMessageFields: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    /// The HTML body, sanitised for display, when the mail has one.
    public var html: String?
    public var attachments: [MailMessage.File]
    /// Sent by a machine (an auto-reply, a list, a delivery report): never answered automatically.
    public var automatic: Bool
    public init(
        from: String, to: [String], subject: String, text: String, attachments: [MailMessage.File],
        automatic: Bool = false, html: String? = nil
    ) {
        self.html = html
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.attachments = attachments
        self.automatic = automatic
    }
}
