import Foundation

/// Reading ticket attachments (R1.2: screenshots, logs). Part of ``HelpdeskStore``; files are
/// added with a ticket change (``TicketChange/attachments``). Access control is the caller's
/// job (the use case checks `Access.canView` on the ticket first).
public protocol AttachmentStore: Sendable {
    /// Metadata of a ticket's attachments, oldest first; no file contents.
    func attachments(ticketId: Int64) async throws -> [Attachment]
    /// One attachment's metadata, the number of its ticket, and its contents.
    func attachment(id: Int64) async throws -> (attachment: Attachment, ticketNumber: String, data: Data)?
}
