import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    /// Stores files of a ticket inside the caller's transaction.
    static func insert(
        _ files: [AttachmentUpload], ticketId: Int64, by userId: Int64, now: Date, on db: any SQLDatabase
    )
        async throws
    {
        for file in files {
            try await db.raw(
                """
                INSERT INTO attachments (ticket_id, filename, content_type, size, uploaded_by, created_at, data)
                VALUES (\(bind: ticketId), \(bind: file.filename), \(bind: file.contentType),
                    \(bind: Int64(file.data.count)), \(bind: userId), \(bind: now.millis), \(bind: file.data))
                """
            ).run()
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
            return (
                try Self.attachment(from: row), try row.string("number"), try row.decode(column: "data", as: Data.self)
            )
        }
    }

    static func attachment(from row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.int("id"), ticketId: try row.int("ticket_id"), filename: try row.string("filename"),
            contentType: try row.string("content_type"), size: Int(try row.int("size")),
            uploadedBy: try row.int("uploaded_by"), createdAt: Date(millis: try row.int("created_at")))
    }
}
