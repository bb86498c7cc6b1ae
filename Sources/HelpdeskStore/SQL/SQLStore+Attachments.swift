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
            let row = try await db.raw(
                """
                INSERT INTO attachments (ticket_id, filename, content_type, size, uploaded_by, created_at, data)
                VALUES (\(bind: ticketId), \(bind: file.filename), \(bind: file.contentType),
                    \(bind: Int64(file.data.count)), \(bind: userId), \(bind: now.millis), \(bind: file.data))
                RETURNING id
                """
            ).first()
            if let text = file.text, let id = try row?.int("id") {
                try await db.raw(
                    """
                    INSERT INTO attachment_texts (attachment_id, ticket_id, text)
                    VALUES (\(bind: id), \(bind: ticketId), \(bind: text))
                    """
                ).run()
            }
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

    /// The words of a ticket's plain-text attachments, oldest file first.
    static func attachmentTexts(ticketIds: [Int64], on db: any SQLDatabase) async throws -> [Int64: [String]] {
        guard !ticketIds.isEmpty else { return [:] }
        var texts: [Int64: [String]] = [:]
        let rows = try await db.raw(
            """
            SELECT ticket_id, text FROM attachment_texts WHERE ticket_id IN (\(binds: ticketIds))
            ORDER BY ticket_id, attachment_id
            """
        ).all()
        for row in rows { texts[try row.int("ticket_id"), default: []].append(try row.string("text")) }
        return texts
    }

    public func examineAttachmentsForSearch(
        limit: Int, reading text: @escaping @Sendable (Attachment, Data) -> String?
    ) async throws -> Bool {
        let dialect = database.dialect
        return try await write { db in
            // The setting's row is locked first: instances starting together take turns.
            guard
                let setting = try await db.raw(
                    """
                    SELECT value FROM settings WHERE key = \(bind: M026_AttachmentTexts.backfillKey)
                    \(unsafeRaw: dialect.forUpdate)
                    """
                ).first(),
                let below = Int64(try setting.string("value")), below > 0
            else { return false }
            let rows = try await db.raw(
                """
                SELECT id, ticket_id, filename, content_type, size, uploaded_by, created_at, data FROM attachments
                WHERE id < \(bind: below) ORDER BY id DESC LIMIT \(literal: max(1, limit))
                """
            ).all()
            var tickets = Set<Int64>()
            for row in rows {
                let file = try Self.attachment(from: row)
                guard let words = text(file, try row.decode(column: "data", as: Data.self)) else { continue }
                try await db.raw(
                    """
                    INSERT INTO attachment_texts (attachment_id, ticket_id, text)
                    VALUES (\(bind: file.id), \(bind: file.ticketId), \(bind: words))
                    ON CONFLICT (attachment_id) DO NOTHING
                    """
                ).run()
                tickets.insert(file.ticketId)
            }
            for ticketId in tickets.sorted() {
                guard let row = try await db.raw("SELECT id, doc FROM tickets WHERE id = \(bind: ticketId)").first()
                else { continue }
                try await Self.reindex(try Self.ticket(from: row), replacing: true, dialect: dialect, on: db)
            }
            let next = rows.count < max(1, limit) ? 0 : (try rows.last.map { try $0.int("id") } ?? 0)
            try await db.raw(
                """
                UPDATE settings SET value = \(bind: String(next)) WHERE key = \(bind: M026_AttachmentTexts.backfillKey)
                """
            ).run()
            return next > 0
        }
    }

    static func attachment(from row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.int("id"), ticketId: try row.int("ticket_id"), filename: try row.string("filename"),
            contentType: try row.string("content_type"), size: Int(try row.int("size")),
            uploadedBy: try row.int("uploaded_by"), createdAt: Date(millis: try row.int("created_at")))
    }
}
