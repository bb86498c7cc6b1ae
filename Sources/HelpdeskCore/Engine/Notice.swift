import Foundation

/// Something a person must be told about a ticket. Written in the same transaction as the
/// change that caused it; the notification pipeline resolves recipients and delivers it.
public struct Notice: Hashable, Codable, Sendable {
    public var kind: NoticeKind
    public var ticketNumber: String
    public var recipients: [Recipient]
    /// Values for the message template: `number`, `title`, `due`, `reason`, … (instants as ISO 8601).
    public var arguments: [String: String]
    public var at: Date

    public init(
        _ kind: NoticeKind, ticket: Ticket, to recipients: [Recipient], at: Date, _ arguments: [String: String] = [:]
    ) {
        self.kind = kind
        self.ticketNumber = ticket.number
        self.recipients = recipients
        var values = ["number": ticket.number, "title": ticket.title, "priority": ticket.priority.rawValue]
        values.merge(arguments) { _, new in new }
        self.arguments = values
        self.at = at
    }

    /// A notice about the desk rather than one ticket (a quarantined message): no number.
    public init(_ kind: NoticeKind, to recipients: [Recipient], at: Date, _ arguments: [String: String]) {
        self.kind = kind
        self.ticketNumber = ""
        self.recipients = recipients
        self.arguments = arguments
        self.at = at
    }
}
