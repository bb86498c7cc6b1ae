import Foundation

/// What intake needs of one message: who, threading, subject, the body as text and the
/// attachments byte-exact.
public struct ParsedMail: Sendable {
    public var messageId: String?
    public var inReplyTo: [String]
    public var references: [String]
    public var subject: String
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: [MailAddress]
    public var date: Date?
    /// The body as text: text/plain when there is one, else the HTML turned into text.
    public var text: String
    /// The HTML body when the message has one (not sanitised; not for display as it is).
    public var html: String?
    public var attachments: [MailAttachment]
    /// Auto-Submitted other than `no`, Precedence bulk/junk/auto_reply, X-Autoreply,
    /// X-Auto-Response-Suppress: imported, never answered automatically.
    public var isAutomatic: Bool
    public var headers: MailHeaders
    public var root: MIMEPart

    /// Every Message-ID this message answers: In-Reply-To first, then References newest first.
    public var threadIds: [String] {
        var seen = Set<String>()
        return (inReplyTo + references.reversed()).filter { seen.insert($0).inserted }
    }
}
