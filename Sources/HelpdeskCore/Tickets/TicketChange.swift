import Foundation

/// A ticket after an operation, with the events the operation wrote.
public struct TicketChange: Sendable {
    public var ticket: Ticket
    public var events: [TicketEvent]
    /// Who is to be told, written with the change so no notice is lost.
    public var notices: [Notice]
    /// Files stored with the change, in the same transaction.
    public var attachments: [AttachmentUpload]
    /// Personal data to remove beyond the ticket's own document when it is archived (R9.3).
    public var scrub: ArchiveScrub?

    public init(ticket: Ticket, events: [TicketEvent], notices: [Notice] = [], attachments: [AttachmentUpload] = []) {
        self.ticket = ticket
        self.events = events
        self.notices = notices
        self.attachments = attachments
    }
}
