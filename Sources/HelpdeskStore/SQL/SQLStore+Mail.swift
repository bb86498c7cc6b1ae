import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    static let channelColumns = """
        id, kind, name, settings, active, last_success_at, last_error_at, last_error, received_count,
        quarantined_count, sent_count, created_at, updated_at
        """
    static let mailColumns = """
        id, channel_id, direction, status, raw_sha256, message_id, ticket_id, from_address, to_addresses, subject,
        body, html, attachments, error, automatic, received_at, processed_at
        """

    public func createChannel(kind: IntakeChannel.Kind, name: String, settings: String, tokenDigest: String?, now: Date)
        async throws -> IntakeChannel
    {
        try await write { db in
            let row = try await db.raw(
                """
                INSERT INTO channels (kind, name, settings, token_digest, active, created_at, updated_at)
                VALUES (\(bind: kind.rawValue), \(bind: name), \(bind: settings), \(bind: tokenDigest), 1,
                    \(bind: now.millis), \(bind: now.millis))
                RETURNING \(unsafeRaw: Self.channelColumns)
                """
            ).first()
            return try Self.channel(from: row!)
        }
    }

    public func channels() async throws -> [IntakeChannel] {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.channelColumns) FROM channels ORDER BY id").all().map(
                Self.channel(from:))
        }
    }

    public func channel(id: Int64) async throws -> IntakeChannel? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.channelColumns) FROM channels WHERE id = \(bind: id)").first()
                .map(Self.channel(from:))
        }
    }

    public func channel(tokenDigest: String) async throws -> IntakeChannel? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.channelColumns) FROM channels
                WHERE token_digest = \(bind: tokenDigest) AND active = 1
                """
            ).first().map(Self.channel(from:))
        }
    }

    public func updateChannel(id: Int64, name: String, settings: String, active: Bool, now: Date) async throws
        -> IntakeChannel
    {
        try await write { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE channels SET name = \(bind: name), settings = \(bind: settings),
                        active = \(bind: active.sqlValue), updated_at = \(bind: now.millis)
                    WHERE id = \(bind: id) RETURNING \(unsafeRaw: Self.channelColumns)
                    """
                ).first()
            else { throw StoreError.notFound("channel") }
            return try Self.channel(from: row)
        }
    }

    public func deleteChannel(id: Int64) async throws {
        try await write { db in
            try await db.raw("UPDATE mail_messages SET channel_id = NULL WHERE channel_id = \(bind: id)").run()
            guard try await db.raw("DELETE FROM channels WHERE id = \(bind: id) RETURNING id").first() != nil
            else { throw StoreError.notFound("channel") }
        }
    }

    public func storeRawMail(channelId: Int64?, raw: [UInt8], sha256: String, messageId: String?, now: Date)
        async throws -> RawMailReceipt
    {
        let key = Self.dedupeKey(messageId: messageId, sha256: sha256)
        return try await write { db in
            try await Self.storeReceived(
                channelId: channelId, raw: raw, sha256: sha256, messageId: messageId, key: key, now: now, on: db)
        }
    }

    /// The raw bytes and a `received` row under `key`, and the channel's count, unless a row
    /// with that key exists: then that row, a duplicate. Insert-or-nothing, so two transactions
    /// storing the same message at once (two instances, an MTA's retry, a platform's) make one row.
    static func storeReceived(
        channelId: Int64?, raw: [UInt8], sha256: String, messageId: String?, key: String, now: Date,
        on db: any SQLDatabase
    ) async throws -> RawMailReceipt {
        if let existing = try await Self.mailId(dedupeKey: key, direction: .incoming, on: db) {
            return RawMailReceipt(messageId: existing, duplicate: true)
        }
        try await Self.insertRaw(raw, sha256: sha256, now: now, on: db)
        guard
            let id = try await Self.insertMessage(
                channelId: channelId, direction: .incoming, status: .received, sha256: sha256, messageId: messageId,
                dedupeKey: key, now: now, on: db)
        else {
            // The other transaction committed first (the insert waited for it).
            guard let existing = try await Self.mailId(dedupeKey: key, direction: .incoming, on: db) else {
                throw StoreError.duplicate("mail_message")
            }
            return RawMailReceipt(messageId: existing, duplicate: true)
        }
        if let channelId {
            try await db.raw(
                """
                UPDATE channels SET received_count = received_count + 1, last_success_at = \(bind: now.millis)
                WHERE id = \(bind: channelId)
                """
            ).run()
        }
        return RawMailReceipt(messageId: id, duplicate: false)
    }

    /// The new row's id, or nil when a row with the same direction and key is there already.
    static func insertMessage(
        channelId: Int64?, direction: MailMessage.Direction, status: MailMessage.Status, sha256: String,
        messageId: String?, dedupeKey: String, now: Date, on db: any SQLDatabase
    ) async throws -> Int64? {
        try await db.raw(
            """
            INSERT INTO mail_messages (channel_id, direction, status, raw_sha256, message_id, dedupe_key, received_at)
            VALUES (\(bind: channelId), \(bind: direction.rawValue), \(bind: status.rawValue), \(bind: sha256),
                \(bind: messageId), \(bind: dedupeKey), \(bind: now.millis))
            ON CONFLICT (direction, dedupe_key) DO NOTHING RETURNING id
            """
        ).first()?.int("id")
    }

    /// Unique per direction (the index is on direction and key): the same Message-ID and bytes.
    static func dedupeKey(messageId: String?, sha256: String) -> String {
        "\(messageId ?? "")\n\(sha256)"
    }

    static func mailId(dedupeKey: String, direction: MailMessage.Direction, on db: any SQLDatabase) async throws
        -> Int64?
    {
        try await db.raw(
            """
            SELECT id FROM mail_messages WHERE direction = \(bind: direction.rawValue) AND dedupe_key = \(bind: dedupeKey)
            """
        ).first()?.int("id")
    }

    /// Content-addressed: the same bytes twice are one row.
    static func insertRaw(_ raw: [UInt8], sha256: String, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO mail_raw (sha256, size, data, created_at)
            VALUES (\(bind: sha256), \(bind: Int64(raw.count)), \(bind: Data(raw)), \(bind: now.millis))
            ON CONFLICT (sha256) DO NOTHING
            """
        ).run()
    }

    public func rawMail(messageId: Int64) async throws -> [UInt8]? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT r.data FROM mail_messages m JOIN mail_raw r ON r.sha256 = m.raw_sha256
                WHERE m.id = \(bind: messageId)
                """
            ).first().map { Array(try $0.decode(column: "data", as: Data.self)) }
        }
    }

    public func mailMessage(id: Int64) async throws -> MailMessage? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.mailColumns) FROM mail_messages WHERE id = \(bind: id)").first()
                .map(Self.mailMessage(from:))
        }
    }

    public func pendingMail(limit: Int, receivedBefore: Date?) async throws -> [MailMessage] {
        guard let receivedBefore else { return try await mailList(status: .received, limit: limit) }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.mailColumns) FROM mail_messages
                WHERE status = 'received' AND direction = 'in' AND received_at < \(bind: receivedBefore.millis)
                ORDER BY id LIMIT \(bind: Int64(limit))
                """
            ).all().map(Self.mailMessage(from:))
        }
    }

    public func quarantinedMail(limit: Int) async throws -> [MailMessage] {
        try await mailList(status: .quarantined, limit: limit)
    }

    func mailList(status: MailMessage.Status, limit: Int) async throws -> [MailMessage] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.mailColumns) FROM mail_messages
                WHERE status = \(bind: status.rawValue) AND direction = 'in' ORDER BY id LIMIT \(bind: Int64(limit))
                """
            ).all().map(Self.mailMessage(from:))
        }
    }

    public func markMailProcessed(id: Int64, ticketId: Int64, fields: MailMessageFields, now: Date) async throws {
        try await write { db in
            try await Self.writeFields(id: id, status: .processed, ticketId: ticketId, fields: fields, now: now, on: db)
        }
    }

    static func writeFields(
        id: Int64, status: MailMessage.Status, ticketId: Int64, fields: MailMessageFields, now: Date,
        on db: any SQLDatabase
    ) async throws {
        guard try await writeFields(id: id, status: status, ticketId: ticketId, fields: fields, now: now, on: db)
        else { throw StoreError.notFound("mail_message") }
    }

    /// Sets the row's status and parsed fields; with `onlyIfReceived`, only while it is still
    /// `received` (the mail mark of ``MailTrail``). False when no row changed.
    static func writeFields(
        id: Int64, status: MailMessage.Status, ticketId: Int64, fields: MailMessageFields, now: Date,
        onlyIfReceived: Bool = false, on db: any SQLDatabase
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE mail_messages SET status = \(bind: status.rawValue), ticket_id = \(bind: ticketId),
                from_address = \(bind: fields.from), to_addresses = \(bind: try Self.json(fields.to)),
                subject = \(bind: fields.subject), body = \(bind: fields.text), html = \(bind: fields.html),
                attachments = \(bind: try Self.json(fields.attachments)), error = NULL,
                automatic = \(bind: fields.automatic.sqlValue), processed_at = \(bind: now.millis)
            WHERE id = \(bind: id)\(unsafeRaw: onlyIfReceived ? " AND status = 'received'" : "") RETURNING id
            """
        ).first() != nil
    }

    public func quarantineMail(id: Int64, error: String, now: Date) async throws {
        try await write { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE mail_messages SET status = 'quarantined', error = \(bind: error),
                        processed_at = \(bind: now.millis)
                    WHERE id = \(bind: id) RETURNING channel_id, message_id
                    """
                ).first()
            else { throw StoreError.notFound("mail_message") }
            // The admins are told, in the same transaction: a quarantined message is never silent.
            let channelName = try await db.raw(
                "SELECT name FROM channels WHERE id = \(bind: try row.optionalInt("channel_id"))"
            ).first()?.string("name")
            let notice = Notice(
                .mailQuarantined, to: [.role(.admin)], at: now,
                [
                    "channel": channelName ?? "-", "message_id": try row.optionalString("message_id") ?? "#\(id)",
                    "error": error, "mail": String(id),
                ])
            try await db.raw(
                """
                INSERT INTO notification_outbox (ticket_id, notice, created_at)
                VALUES (NULL, \(bind: try Self.json(notice)), \(bind: now.millis))
                """
            ).run()
            if let channelId = try row.optionalInt("channel_id") {
                try await db.raw(
                    """
                    UPDATE channels SET quarantined_count = quarantined_count + 1, last_error_at = \(bind: now.millis),
                        last_error = \(bind: error)
                    WHERE id = \(bind: channelId)
                    """
                ).run()
            }
        }
    }

    public func requeueMail(id: Int64) async throws -> Bool {
        try await write { db in
            try await db.raw(
                """
                UPDATE mail_messages SET status = 'received', processed_at = NULL
                WHERE id = \(bind: id) AND status = 'quarantined' RETURNING id
                """
            ).first() != nil
        }
    }

    public func ticketNumber(forMessageIds ids: [String]) async throws -> String? {
        guard !ids.isEmpty else { return nil }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT t.number FROM mail_messages m JOIN tickets t ON t.id = m.ticket_id
                WHERE m.message_id IN (\(binds: ids)) ORDER BY m.id DESC LIMIT 1
                """
            ).first()?.string("number")
        }
    }

    public func recordOutgoingMail(
        channelId: Int64?, ticketId: Int64, raw: [UInt8], sha256: String, messageId: String, fields: MailMessageFields,
        now: Date
    ) async throws -> Int64 {
        let key = Self.dedupeKey(messageId: messageId, sha256: sha256)
        return try await write { db in
            try await Self.insertRaw(raw, sha256: sha256, now: now, on: db)
            guard
                let id = try await Self.insertMessage(
                    channelId: channelId, direction: .outgoing, status: .sent, sha256: sha256, messageId: messageId,
                    dedupeKey: key, now: now, on: db)
            else { throw StoreError.duplicate("mail_message") }
            try await Self.writeFields(id: id, status: .sent, ticketId: ticketId, fields: fields, now: now, on: db)
            // The recipient, as the daily cap on automatic mail counts it.
            try await db.raw(
                """
                UPDATE mail_messages SET recipient = \(bind: fields.to.first?.lowercased()) WHERE id = \(bind: id)
                """
            ).run()
            if let channelId {
                try await db.raw("UPDATE channels SET sent_count = sent_count + 1 WHERE id = \(bind: channelId)").run()
            }
            return id
        }
    }

    public func user(email: String) async throws -> User? {
        try await database.read { db in
            let row = try await db.raw(
                """
                SELECT \(unsafeRaw: Self.userColumns) FROM users
                WHERE LOWER(email) = \(bind: email.lowercased()) AND active = 1 ORDER BY id LIMIT 1
                """
            ).first()
            return try await row.asyncMap { try await Self.user(from: $0, on: db) }
        }
    }

    public func mailMessages(ticketId: Int64) async throws -> [MailMessage] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.mailColumns) FROM mail_messages WHERE ticket_id = \(bind: ticketId) ORDER BY id
                """
            ).all().map(Self.mailMessage(from:))
        }
    }

    static func channel(from row: any SQLRow) throws -> IntakeChannel {
        IntakeChannel(
            id: try row.int("id"), kind: IntakeChannel.Kind(rawValue: try row.string("kind")) ?? .mailgate,
            name: try row.string("name"), settings: try row.string("settings"), active: try row.int("active") != 0,
            lastSuccessAt: try row.optionalInt("last_success_at").map(Date.init(millis:)),
            lastErrorAt: try row.optionalInt("last_error_at").map(Date.init(millis:)),
            lastError: try row.optionalString("last_error"), receivedCount: Int(try row.int("received_count")),
            quarantinedCount: Int(try row.int("quarantined_count")), sentCount: Int(try row.int("sent_count")),
            createdAt: Date(millis: try row.int("created_at")), updatedAt: Date(millis: try row.int("updated_at")))
    }

    static func mailMessage(from row: any SQLRow) throws -> MailMessage {
        let decoder = JSONDecoder()
        return MailMessage(
            id: try row.int("id"), channelId: try row.optionalInt("channel_id"),
            direction: MailMessage.Direction(rawValue: try row.string("direction")) ?? .incoming,
            status: MailMessage.Status(rawValue: try row.string("status")) ?? .received,
            rawSha256: try row.string("raw_sha256"), messageId: try row.optionalString("message_id"),
            ticketId: try row.optionalInt("ticket_id"), from: try row.optionalString("from_address"),
            to: try decoder.decode([String].self, from: Data(try row.string("to_addresses").utf8)),
            subject: try row.optionalString("subject"), text: try row.optionalString("body"),
            html: try row.optionalString("html"),
            attachments: try decoder.decode([MailMessage.File].self, from: Data(try row.string("attachments").utf8)),
            error: try row.optionalString("error"), automatic: try row.int("automatic") != 0,
            receivedAt: Date(millis: try row.int("received_at")),
            processedAt: try row.optionalInt("processed_at").map(Date.init(millis:)))
    }

    // MARK: IMAP polling and mail out (M022)

    public func claimChannelPoll(id: Int64, now: Date, next: Date) async throws -> Bool {
        try await write { db in
            try await db.raw(
                """
                UPDATE channels SET poll_due_at = \(bind: next.millis)
                WHERE id = \(bind: id) AND active = 1 AND (poll_due_at IS NULL OR poll_due_at <= \(bind: now.millis))
                RETURNING id
                """
            ).first() != nil
        }
    }

    public func recordChannelPoll(id: Int64, error: String?, now: Date) async throws {
        try await write { db in
            if let error {
                try await db.raw(
                    """
                    UPDATE channels SET last_error_at = \(bind: now.millis), last_error = \(bind: String(error.prefix(500)))
                    WHERE id = \(bind: id)
                    """
                ).run()
            } else {
                try await db.raw(
                    "UPDATE channels SET last_success_at = \(bind: now.millis) WHERE id = \(bind: id)"
                ).run()
            }
        }
    }

    public func automaticMailCount(to address: String, since: Date) async throws -> Int {
        try await database.read { db in
            Int(
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM mail_messages
                    WHERE recipient = \(bind: address.lowercased()) AND received_at >= \(bind: since.millis)
                        AND direction = 'out' AND automatic = 1
                    """
                ).first()!.int("n"))
        }
    }

    public func suppressMail(to address: String, reason: String, ticketId: Int64?, now: Date) async throws {
        try await write { db in
            try await db.raw(
                """
                INSERT INTO mail_suppressions (address, reason, ticket_id, created_at)
                VALUES (\(bind: address.lowercased()), \(bind: String(reason.prefix(500))), \(bind: ticketId),
                    \(bind: now.millis))
                ON CONFLICT (address) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at
                """
            ).run()
        }
    }

    public func mailSuppression(for address: String) async throws -> String? {
        try await database.read { db in
            try await db.raw(
                "SELECT reason FROM mail_suppressions WHERE address = \(bind: address.lowercased())"
            ).first()?.string("reason")
        }
    }

    public func liftMailSuppression(for address: String) async throws -> Bool {
        try await write { db in
            try await db.raw(
                "DELETE FROM mail_suppressions WHERE address = \(bind: address.lowercased()) RETURNING address"
            ).first() != nil
        }
    }
}
