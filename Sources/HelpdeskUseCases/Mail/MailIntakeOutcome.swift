import Foundation

/// What intake made of one stored message.
public enum MailIntakeOutcome: Sendable, Equatable {
    /// A new ticket, through the portal's use case.
    case created(ticketNumber: String)
    /// A public work-log entry on the ticket the message answers.
    case replied(ticketNumber: String)
    /// A delivery report about the desk's mail on that ticket, filed with its messages.
    case bounced(ticketNumber: String)
    /// Not parseable: stored, kept for an admin, with the parser's code.
    case quarantined(error: String)
    /// Already processed (or gone): nothing done.
    case skipped

    /// The outcome's name in the API and on the web's notice: `created`, `replied`,
    /// `bounced`, `quarantined`, `duplicate`.
    public var name: String {
        switch self {
        case .created: "created"
        case .replied: "replied"
        case .bounced: "bounced"
        case .quarantined: "quarantined"
        case .skipped: "duplicate"
        }
    }
}
