import Foundation

/// A message the desk sends (RFC 5322): a UTF-8 subject as one RFC 2047 word and a base64
/// UTF-8 text body, so nothing in either can start a header line; threading headers
/// (Message-ID, In-Reply-To, References) and `Auto-Submitted` (RFC 3834) for automatic mail.
public struct OutgoingMail: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var date: Date
    /// Without angle brackets.
    public var messageId: String
    public var inReplyTo: String?
    public var references: [String]
    /// `auto-replied` (an answer to a message), `auto-generated` (other automatic mail), or nil
    /// for a person's message.
    public var autoSubmitted: String?

    public init(
        from: String, to: String, subject: String, body: String, date: Date, messageId: String,
        inReplyTo: String? = nil, references: [String] = [], autoSubmitted: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageId = messageId
        self.inReplyTo = inReplyTo
        self.references = references
        self.autoSubmitted = autoSubmitted
    }

    /// A new Message-ID in the sender's domain.
    public static func newMessageId(from sender: String) -> String {
        let domain = sender.split(separator: "@").last.map(String.init) ?? "helpdesk"
        return "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// Only ids that are one token of printable ASCII without brackets reach a header.
    static func isSafeId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 250
            && id.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
    }

    /// The message with CRLF line ends, as SMTP's DATA takes it (before dot-stuffing).
    public var rendered: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedBody = Data(body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        var lines = [
            "From: \(from)", "To: \(to)", "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))", "Message-ID: <\(messageId)>",
        ]
        if let inReplyTo, Self.isSafeId(inReplyTo) { lines.append("In-Reply-To: <\(inReplyTo)>") }
        let references = references.filter(Self.isSafeId)
        if !references.isEmpty {
            lines.append("References: " + references.map { "<\($0)>" }.joined(separator: "\r\n "))
        }
        if let autoSubmitted {
            lines.append("Auto-Submitted: \(autoSubmitted)")
            // Exchange and Outlook: do not answer this with an out-of-office reply.
            lines.append("X-Auto-Response-Suppress: All")
        }
        lines += [
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
            encodedBody,
        ]
        return lines.joined(separator: "\r\n")
    }
}
