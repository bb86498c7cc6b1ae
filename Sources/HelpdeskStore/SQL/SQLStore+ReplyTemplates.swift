import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func replyTemplates() async throws -> [ReplyTemplate] {
        try await database.read { db in
            try await db.raw("SELECT * FROM reply_templates ORDER BY sort_order, id").all().map(
                Self.replyTemplate(from:))
        }
    }

    public func replyTemplate(id: Int64) async throws -> ReplyTemplate? {
        try await database.read { db in
            try await db.raw("SELECT * FROM reply_templates WHERE id = \(bind: id)").first().map(
                Self.replyTemplate(from:))
        }
    }

    public func saveReplyTemplate(_ template: ReplyTemplate, now: Date) async throws -> ReplyTemplate {
        try await write { db in try await Self.save(template, now: now, on: db) }
    }

    static func save(_ template: ReplyTemplate, now: Date, on db: any SQLDatabase) async throws -> ReplyTemplate {
        var saved = template
        saved.updatedAt = now
        if template.id == 0 {
            saved.id = try await db.raw(
                """
                INSERT INTO reply_templates (name, name_en, body, body_en, active, sort_order, created_at, updated_at)
                VALUES (\(bind: template.name), \(bind: template.nameEn), \(bind: template.body), \(bind: template.bodyEn),
                    \(bind: template.active.sqlValue), \(bind: Int64(template.sortOrder)), \(bind: now.millis),
                    \(bind: now.millis)) RETURNING id
                """
            ).first()!.int("id")
        } else {
            let updated = try await db.raw(
                """
                UPDATE reply_templates SET name = \(bind: template.name), name_en = \(bind: template.nameEn),
                    body = \(bind: template.body), body_en = \(bind: template.bodyEn),
                    active = \(bind: template.active.sqlValue), sort_order = \(bind: Int64(template.sortOrder)),
                    updated_at = \(bind: now.millis)
                WHERE id = \(bind: template.id) RETURNING id
                """
            ).first()
            guard updated != nil else { throw StoreError.notFound("reply_template") }
        }
        return saved
    }

    public func deleteReplyTemplate(id: Int64) async throws {
        try await write { db in
            guard try await db.raw("DELETE FROM reply_templates WHERE id = \(bind: id) RETURNING id").first() != nil
            else { throw StoreError.notFound("reply_template") }
        }
    }

    public func seedReplyTemplates(_ defaults: [ReplyTemplate], now: Date) async throws -> Bool {
        try await write { db in
            // The marker row decides, under the settings key's uniqueness, which call seeds.
            let first = try await db.raw(
                """
                INSERT INTO settings (key, value, updated_at)
                VALUES (\(bind: Self.replyTemplatesSeededKey), 'true', \(bind: now.millis))
                ON CONFLICT (key) DO NOTHING RETURNING key
                """
            ).first()
            guard first != nil else { return false }
            for template in defaults { _ = try await Self.save(template, now: now, on: db) }
            return true
        }
    }

    static let replyTemplatesSeededKey = "reply_templates.seeded"

    static func replyTemplate(from row: any SQLRow) throws -> ReplyTemplate {
        var template = ReplyTemplate(
            id: try row.int("id"), name: try row.string("name"), nameEn: try row.optionalString("name_en"),
            body: try row.string("body"), bodyEn: try row.string("body_en"), active: try row.int("active") != 0,
            sortOrder: Int(try row.int("sort_order")))
        template.updatedAt = Date(millis: try row.int("updated_at"))
        return template
    }
}
