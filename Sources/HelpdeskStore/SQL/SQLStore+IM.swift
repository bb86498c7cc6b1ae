import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func storeIMMessage(
        channelId: Int64, raw: [UInt8], sha256: String, key: String, nonce: String?, nonceExpiry: Date, now: Date
    ) async throws -> RawMailReceipt {
        try await write { db in
            let receipt = try await Self.storeReceived(
                channelId: channelId, raw: raw, sha256: sha256, messageId: key, key: key, now: now, on: db)
            guard !receipt.duplicate, let nonce else { return receipt }
            // A new message under a signature already used: a replay, and nothing of it is kept.
            try await db.raw("DELETE FROM im_nonces WHERE expires_at < \(bind: now.millis)").run()
            let taken = try await db.raw(
                """
                INSERT INTO im_nonces (channel_id, nonce, expires_at)
                VALUES (\(bind: channelId), \(bind: nonce), \(bind: nonceExpiry.millis))
                ON CONFLICT (channel_id, nonce) DO NOTHING RETURNING nonce
                """
            ).first()
            guard taken != nil else { throw StoreError.duplicate("im_nonce") }
            return receipt
        }
    }

    public func imConversation(ticketId: Int64) async throws -> IMConversation? {
        try await database.read { db in
            try await db.raw("SELECT * FROM im_conversations WHERE ticket_id = \(bind: ticketId)").first()
                .map(Self.imConversation(from:))
        }
    }

    public func openIMTicket(channelId: Int64, conversationId: String, requesterId: Int64) async throws -> String? {
        let open = Self.openStatuses
        return try await database.read { db in
            try await db.raw(
                """
                SELECT t.number FROM im_conversations c JOIN tickets t ON t.id = c.ticket_id
                WHERE c.channel_id = \(bind: channelId) AND c.conversation_id = \(bind: conversationId)
                    AND c.requester_id = \(bind: requesterId) AND t.status IN (\(binds: open))
                ORDER BY c.ticket_id DESC LIMIT 1
                """
            ).first()?.string("number")
        }
    }

    public func imIdentity(channelId: Int64, externalId: String) async throws -> Int64? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT user_id FROM im_identities WHERE channel_id = \(bind: channelId) AND external_id = \(bind: externalId)
                """
            ).first()?.int("user_id")
        }
    }

    public func linkIMIdentity(channelId: Int64, externalId: String, userId: Int64, now: Date) async throws {
        try await write { db in
            try await db.raw(
                """
                INSERT INTO im_identities (channel_id, external_id, user_id, created_at)
                VALUES (\(bind: channelId), \(bind: externalId), \(bind: userId), \(bind: now.millis))
                ON CONFLICT (channel_id, external_id) DO NOTHING
                """
            ).run()
        }
    }

    public func setIMIdentity(channelId: Int64, externalId: String, userId: Int64, now: Date) async throws {
        try await write { db in
            try await db.raw(
                """
                INSERT INTO im_identities (channel_id, external_id, user_id, created_at)
                VALUES (\(bind: channelId), \(bind: externalId), \(bind: userId), \(bind: now.millis))
                ON CONFLICT (channel_id, external_id) DO UPDATE SET user_id = excluded.user_id,
                    created_at = excluded.created_at
                """
            ).run()
        }
    }

    public func unlinkIMIdentity(channelId: Int64, externalId: String) async throws -> Bool {
        try await write { db in
            try await db.raw(
                """
                DELETE FROM im_identities WHERE channel_id = \(bind: channelId) AND external_id = \(bind: externalId)
                RETURNING user_id
                """
            ).first() != nil
        }
    }

    public func imIdentities(channelId: Int64) async throws -> [IMIdentity] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT i.channel_id, i.external_id, i.user_id, i.created_at, u.username, u.display_name, u.external
                FROM im_identities i JOIN users u ON u.id = i.user_id
                WHERE i.channel_id = \(bind: channelId) ORDER BY i.created_at DESC, i.external_id LIMIT 1000
                """
            ).all().map { row in
                IMIdentity(
                    channelId: try row.int("channel_id"), externalId: try row.string("external_id"),
                    userId: try row.int("user_id"), username: try row.string("username"),
                    displayName: try row.string("display_name"), external: try row.int("external") != 0,
                    createdAt: Date(millis: try row.int("created_at")))
            }
        }
    }

    /// The conversation of a ticket a processed IM message made or continued, in its transaction;
    /// a newer message's target (DingTalk's fresh session webhook) replaces the older one.
    static func saveIMConversation(
        _ conversation: IMConversation, ticketId: Int64, on db: any SQLDatabase, dialect: Dialect
    ) async throws {
        if conversation.opensTicket {
            // One new ticket per requester and conversation: on PostgreSQL the transactions of
            // messages processed at once queue on a lock for it (SQLite has one writer anyway),
            // and the later one finds the first one's ticket.
            if dialect == .postgres {
                let key = "im|\(conversation.channelId)|\(conversation.conversationId)|\(conversation.requesterId)"
                try await db.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
            }
            let open = Self.openStatuses
            let taken = try await db.raw(
                """
                SELECT c.ticket_id FROM im_conversations c JOIN tickets t ON t.id = c.ticket_id
                WHERE c.channel_id = \(bind: conversation.channelId)
                    AND c.conversation_id = \(bind: conversation.conversationId)
                    AND c.requester_id = \(bind: conversation.requesterId) AND c.ticket_id <> \(bind: ticketId)
                    AND t.status IN (\(binds: open))
                LIMIT 1
                """
            ).first()
            if taken != nil { throw IMConversationTaken() }
        }
        try await db.raw(
            """
            INSERT INTO im_conversations (ticket_id, channel_id, conversation_id, requester_id, target, updated_at)
            VALUES (\(bind: ticketId), \(bind: conversation.channelId), \(bind: conversation.conversationId),
                \(bind: conversation.requesterId), \(bind: conversation.target), \(bind: conversation.updatedAt.millis))
            ON CONFLICT (ticket_id) DO UPDATE SET target = excluded.target, updated_at = excluded.updated_at
            """
        ).run()
    }

    /// The statuses in which a conversation's ticket takes the requester's next message.
    static let openStatuses = TicketStatus.allCases.filter { $0.isOpen || $0 == .resolved }.map(\.rawValue)

    static func imConversation(from row: any SQLRow) throws -> IMConversation {
        IMConversation(
            ticketId: try row.int("ticket_id"), channelId: try row.int("channel_id"),
            conversationId: try row.string("conversation_id"), requesterId: try row.int("requester_id"),
            target: try row.string("target"), updatedAt: Date(millis: try row.int("updated_at")))
    }
}
