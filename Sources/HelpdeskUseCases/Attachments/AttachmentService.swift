import Foundation
import HelpdeskCore
import HelpdeskStore

/// Reading ticket attachments: listed and served only to people who may see the ticket.
/// (Adding them is a ticket change: ``TicketService/attach(_:_:maxBytes:by:)`` and intake.)
public struct AttachmentService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let readAudit: ReadAudit

    public init(store: any HelpdeskStore, clock: AppClock, readAudit: ReadAudit) {
        self.store = store
        self.clock = clock
        self.readAudit = readAudit
    }

    public func attachments(of ticket: Ticket) async throws -> [Attachment] {
        try await store.attachments(ticketId: ticket.id)
    }

    /// The file and its metadata; a missing attachment and one on a ticket the user may not see
    /// get the same answer.
    public func download(_ id: Int64, for user: User) async throws -> (Attachment, Data) {
        guard let (attachment, number, data) = try await store.attachment(id: id),
            let ticket = try await store.ticket(number: number), Access.canView(ticket, by: user.actor)
        else { throw UseCaseError.notFound(resource: "attachment") }
        // R9.5: a file on someone else's ticket is their data; the requester's own is not logged.
        if ticket.requester.userId != user.id {
            try await readAudit.record(
                AuditEntry(
                    at: clock.now(), actor: user, action: .attachmentDownloaded, subjectId: ticket.requester.userId,
                    ticketNumber: number, target: "attachment:\(id)"))
        }
        return (attachment, data)
    }
}
