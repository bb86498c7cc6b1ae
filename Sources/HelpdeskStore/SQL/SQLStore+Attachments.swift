import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func addAttachment(_ attachment: Attachment, data: Data, now: Date) async throws -> Attachment {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM tickets WHERE id = \(bind: attachment.ticketId)").first() != nil else {
                throw StoreError.notFound("ticket")
            }
            let row = try await db.raw(
                """
                INSERT INTO attachments (ticket_id, filename, content_type, size, uploaded_by, created_at, data)
                VALUES (\(bind: attachment.ticketId), \(bind: attachment.filename), \(bind: attachment.contentType),
                    \(bind: Int64(data.count)), \(bind: attachment.uploadedBy), \(bind: now.millis), \(bind: data))
                RETURNING id
                """
            ).first()
            var saved = attachment
            saved.id = try row!.int("id")
            saved.size = data.count
            saved.createdAt = Date(millis: now.millis)
            return saved
        }
    }

    public func attachments(ticketId: Int64) async throws -> [Attachment] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id, ticket_id, filename, content_type, size, uploaded_by, created_at FROM attachments
                WHERE ticket_id = \(bind: ticketId) ORDER BY id
                """
            ).all().map(Self.attachment(from:))
        }
    }

    public func attachment(id: Int64) async throws -> (attachment: Attachment, ticketNumber: String, data: Data)? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT a.id, a.ticket_id, a.filename, a.content_type, a.size, a.uploaded_by, a.created_at, a.data,
                        t.number FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE a.id = \(bind: id)
                    """
                ).first()
            else { return nil }
            return (try Self.attachment(from: row), try row.string("number"), try row.decode(column: "data", as: Data.self))
        }
    }

    static func attachment(from row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.int("id"), ticketId: try row.int("ticket_id"), filename: try row.string("filename"),
            contentType: try row.string("content_type"), size: Int(try row.int("size")),
            uploadedBy: try row.int("uploaded_by"), createdAt: Date(millis: try row.int("created_at")))
    }
}
