import Foundation

/// A delivery status notification (RFC 3464, `multipart/report; report-type=delivery-status`):
/// which recipients failed, whether for good (`Action: failed` with a 5.x.x status), and the
/// Message-ID of the message that bounced, from its returned copy or headers, so the report is
/// threaded to that message's ticket.
public struct DeliveryReport: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        public var address: String
        public var action: String
        public var status: String
        /// `failed` with a permanent (5.x.x) status: mail to this address stops.
        public var isPermanentFailure: Bool { action == "failed" && status.hasPrefix("5") }
    }

    public var recipients: [Recipient]
    public var originalMessageId: String?

    public var permanentFailures: [String] { recipients.filter(\.isPermanentFailure).map(\.address) }

    /// The report a message carries, if it is one.
    public init?(_ mail: ParsedMail) {
        guard let report = Self.find(mail.root) else { return nil }
        var recipients: [Recipient] = []
        var original: String?
        for child in report.children {
            switch child.contentType.value {
            case "message/delivery-status", "message/global-delivery-status":
                recipients += Self.recipients(child.body)
            case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
                original = original ?? MailParser.messageId(child.body)
            default: break
            }
        }
        guard !recipients.isEmpty || original != nil else { return nil }
        self.recipients = recipients
        self.originalMessageId = original
    }

    static func find(_ part: MIMEPart) -> MIMEPart? {
        if part.contentType.value == "multipart/report" { return part }
        for child in part.children {
            if let found = find(child) { return found }
        }
        return nil
    }

    /// The per-recipient groups of the status body (after the per-message group, each
    /// separated by an empty line).
    static func recipients(_ body: [UInt8]) -> [Recipient] {
        let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return text.components(separatedBy: "\n\n").compactMap { group in
            let fields = MailHeaders(parsing: Array(group.utf8)[...])
            func value(_ name: String) -> String? {
                fields.raw(name).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            }
            guard let recipient = value("Final-Recipient") ?? value("Original-Recipient") else { return nil }
            // `rfc822; someone@example.com`
            let address = recipient.split(separator: ";", maxSplits: 1).last.map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            }
            guard let address, address.contains("@") else { return nil }
            return Recipient(
                address: address.lowercased(), action: value("Action")?.lowercased() ?? "",
                status: value("Status")?.split(separator: " ").first.map(String.init) ?? "")
        }
    }
}
