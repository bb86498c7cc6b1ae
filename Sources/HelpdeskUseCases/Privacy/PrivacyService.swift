import Foundation
import HelpdeskCore
import HelpdeskStore

/// Data-subject requests (R9.5, PIPL Art. 45): an administrator exports what the desk holds on
/// one person; the export itself is in the audit log.
public struct PrivacyService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let readAudit: ReadAudit

    public init(store: any HelpdeskStore, clock: AppClock, readAudit: ReadAudit) {
        self.store = store
        self.clock = clock
        self.readAudit = readAudit
    }

    public func export(userId: Int64, by admin: User) async throws -> SubjectExport {
        try Authorize.admin(admin, "export")
        guard let user = try await store.user(id: userId) else { throw UseCaseError.notFound(resource: "user") }
        let now = clock.now()
        var tickets: [SubjectExport.ExportedTicket] = []
        var cursor: Int64?
        repeat {
            var query = TicketQuery(scope: .all)
            query.requesterId = userId
            query.limit = 200
            query.before = cursor
            let page = try await store.tickets(query, now: now)
            for summary in page.tickets {
                guard let ticket = try await store.ticket(number: summary.number) else { continue }
                tickets.append(try await exported(ticket))
            }
            cursor = page.nextCursor
        } while cursor != nil
        try await readAudit.record(
            AuditEntry(
                at: now, actor: admin, action: .userExported, subjectId: userId, target: "user:\(userId)",
                detail: ["tickets": String(tickets.count)]))
        return SubjectExport(exportedAt: now, user: user, tickets: tickets)
    }

    private func exported(_ ticket: Ticket) async throws -> SubjectExport.ExportedTicket {
        let events = try await store.events(ticketId: ticket.id, includeInternal: false)
        let messages = events.compactMap { event -> SubjectExport.Message? in
            guard let text = event.body ?? event.reason else { return nil }
            return SubjectExport.Message(at: event.at, author: event.actorName, kind: event.kind.rawValue, text: text)
        }
        let files = try await store.attachments(ticketId: ticket.id).map {
            SubjectExport.File(
                filename: $0.filename, contentType: $0.contentType, size: $0.size, createdAt: $0.createdAt)
        }
        return SubjectExport.ExportedTicket(
            number: ticket.number, title: ticket.title, description: ticket.description, details: ticket.details,
            contact: ticket.contact, status: ticket.status, priority: ticket.priority, submittedAt: ticket.submittedAt,
            closedAt: ticket.closedAt, workaround: ticket.workaround, solution: ticket.solution,
            satisfaction: ticket.satisfaction, messages: messages, attachments: files)
    }
}
