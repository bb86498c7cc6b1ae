import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func dispatchNotifications(now: Date, limit: Int, email: Bool) async throws -> Int {
        let settings = try await engineSettings()
        let dialect = database.dialect
        return try await write { db in
            let rows = try await db.raw(
                """
                SELECT id, ticket_id, notice FROM notification_outbox WHERE dispatched_at IS NULL
                ORDER BY id LIMIT \(literal: max(1, limit))\(unsafeRaw: dialect.forUpdateSkipLocked)
                """
            ).all()
            // Most ticks find nothing to send; the webhooks are read only when there is.
            let hooks = rows.isEmpty ? [] : try await Self.loadWebhooks(on: db).filter(\.active)
            // The IM conversations of the batch's tickets, in one read.
            let conversations = try await Self.imConversations(
                ticketIds: try rows.compactMap { try $0.optionalInt("ticket_id") }, on: db)
            for row in rows {
                let outboxId = try row.int("id")
                let notice = try Self.decode(Notice.self, json: try row.string("notice"))
                let users = try await Self.resolve(notice.recipients, settings: settings, on: db)
                let arguments = try Self.json(notice.arguments)
                // A ticket that came by IM: its requester's notices go back to the conversation.
                let conversation = try row.optionalInt("ticket_id").flatMap { conversations[$0] }
                for user in users {
                    try await db.raw(
                        """
                        INSERT INTO notifications (user_id, kind, ticket_number, arguments, created_at)
                        VALUES (\(bind: user.id), \(bind: notice.kind.rawValue), \(bind: notice.ticketNumber),
                            \(bind: arguments), \(bind: notice.at.millis))
                        """
                    ).run()
                    ChangeMarks.note(.inbox(userId: user.id))
                    if email, let address = user.email {
                        let payload = try Self.json(EmailPayload(notice: notice, locale: user.locale))
                        try await Self.insertDelivery(
                            .email, webhookId: nil, userId: user.id, target: address, event: notice.kind.rawValue,
                            payload: payload, now: now, on: db)
                    }
                    if let conversation, conversation.requester == user.id {
                        let payload = try Self.json(EmailPayload(notice: notice, locale: user.locale))
                        try await Self.insertDelivery(
                            .im, webhookId: nil, userId: user.id, target: String(conversation.channel),
                            event: notice.kind.rawValue, payload: payload, now: now, on: db)
                    }
                }
                for hook in hooks where hook.events.isEmpty || hook.events.contains(notice.kind.rawValue) {
                    let body = WebhookBody(
                        id: "\(outboxId)-\(hook.id)", event: notice.kind.rawValue, occurredAt: notice.at,
                        ticket: notice.ticketNumber, data: notice.arguments, recipients: users.map(\.id))
                    try await Self.insertDelivery(
                        .webhook, webhookId: hook.id, userId: nil, target: hook.url, event: notice.kind.rawValue,
                        payload: try Self.webhookJSON(body), now: now, on: db)
                }
                try await db.raw(
                    "UPDATE notification_outbox SET dispatched_at = \(bind: now.millis) WHERE id = \(bind: outboxId)"
                ).run()
            }
            return rows.count
        }
    }

    /// The channel and requester of each of these tickets that came by IM.
    static func imConversations(ticketIds: [Int64], on db: any SQLDatabase) async throws
        -> [Int64: (channel: Int64, requester: Int64)]
    {
        guard !ticketIds.isEmpty else { return [:] }
        var found: [Int64: (channel: Int64, requester: Int64)] = [:]
        let rows = try await db.raw(
            """
            SELECT ticket_id, channel_id, requester_id FROM im_conversations
            WHERE ticket_id IN (\(binds: Array(Set(ticketIds))))
            """
        ).all()
        for row in rows {
            found[try row.int("ticket_id")] = (try row.int("channel_id"), try row.int("requester_id"))
        }
        return found
    }

    /// Active users a notice's recipients stand for, each once, in id order.
    static func resolve(_ recipients: [Recipient], settings: SLAEngineSettings, on db: any SQLDatabase) async throws
        -> [(id: Int64, email: String?, locale: String)]
    {
        let columns = "u.id, u.email, u.locale"
        let staff = "u.active = 1 AND u.role <> 'requester'"
        var found: [Int64: (id: Int64, email: String?, locale: String)] = [:]
        func add(_ sql: SQLQueryString) async throws {
            for row in try await db.raw(sql).all() {
                let id = try row.int("id")
                found[id] = (
                    id, try row.optionalString("email").flatMap { $0.isEmpty ? nil : $0 }, try row.string("locale")
                )
            }
        }
        func supervisors() async throws {
            try await add("SELECT \(unsafeRaw: columns) FROM users u WHERE u.active = 1 AND u.role = 'supervisor'")
        }
        func users(_ ids: [Int64]) async throws {
            try await add("SELECT \(unsafeRaw: columns) FROM users u WHERE u.active = 1 AND u.id IN (\(binds: ids))")
        }
        for recipient in recipients {
            switch recipient {
            case .user(let id):
                try await users([id])
            case .groupLead(let group):
                let lead = try await db.raw("SELECT lead_user_id FROM support_groups WHERE id = \(bind: group)")
                    .first()?
                    .optionalInt("lead_user_id")
                if let lead {
                    try await users([lead])
                } else {
                    try await add(
                        """
                        SELECT \(unsafeRaw: columns) FROM users u JOIN user_groups g ON g.user_id = u.id
                        WHERE g.group_id = \(bind: group) AND \(unsafeRaw: staff)
                        """)
                }
            case .group(let group, let tier):
                var sql: SQLQueryString = """
                    SELECT \(unsafeRaw: columns) FROM users u JOIN user_groups g ON g.user_id = u.id
                    WHERE g.group_id = \(bind: group) AND \(unsafeRaw: staff)
                    """
                if let tier { sql += " AND u.role = 'agent' AND u.tier >= \(bind: tier.rawValue)" }
                try await add(sql)
            case .tier(let tier):
                try await add(
                    "SELECT \(unsafeRaw: columns) FROM users u WHERE \(unsafeRaw: staff) AND u.role = 'agent' AND u.tier >= \(bind: tier.rawValue)"
                )
            case .role(let role):
                try await add(
                    "SELECT \(unsafeRaw: columns) FROM users u WHERE u.active = 1 AND u.role = \(bind: role.rawValue)")
            case .department(let name):
                try await add(
                    "SELECT \(unsafeRaw: columns) FROM users u WHERE u.active = 1 AND u.department = \(bind: name)")
            case .onDutyLead:
                if let lead = settings.onDutyLeadId { try await users([lead]) } else { try await supervisors() }
            case .leadership:
                if settings.leadershipIds.isEmpty {
                    try await supervisors()
                } else {
                    try await users(settings.leadershipIds)
                }
            }
        }
        return found.values.sorted { $0.id < $1.id }
    }

    static func insertDelivery(
        _ channel: Delivery.Channel, webhookId: Int64?, userId: Int64?, target: String, event: String, payload: String,
        now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO deliveries (channel, webhook_id, user_id, target, event, payload, status, attempts,
                next_attempt_at, created_at)
            VALUES (\(bind: channel.rawValue), \(bind: webhookId), \(bind: userId), \(bind: target), \(bind: event),
                \(bind: payload), 'pending', 0, \(bind: now.millis), \(bind: now.millis))
            """
        ).run()
    }

    static func webhookJSON(_ body: WebhookBody) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }

    public func claimDeliveries(now: Date, limit: Int, lease: TimeInterval) async throws -> [Delivery] {
        let dialect = database.dialect
        return try await write { db in
            let rows = try await db.raw(
                """
                SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= \(bind: now.millis)
                    AND (claimed_until IS NULL OR claimed_until <= \(bind: now.millis))
                ORDER BY next_attempt_at LIMIT \(literal: max(1, limit))\(unsafeRaw: dialect.forUpdateSkipLocked)
                """
            ).all()
            let deliveries = try rows.map(Self.delivery(from:))
            if !deliveries.isEmpty {
                try await db.raw(
                    """
                    UPDATE deliveries SET claimed_until = \(bind: now.addingTimeInterval(lease).millis)
                    WHERE id IN (\(binds: deliveries.map(\.id)))
                    """
                ).run()
            }
            return deliveries
        }
    }

    public func finishDelivery(id: Int64, outcome: DeliveryOutcome, now: Date) async throws {
        try await write { db in
            switch outcome {
            case .delivered(let status):
                try await db.raw(
                    """
                    UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = \(bind: now.millis),
                        last_status = \(bind: status.map(Int64.init)), last_error = NULL, claimed_until = NULL
                    WHERE id = \(bind: id)
                    """
                ).run()
            case .failed(let status, let error, let retryAt):
                let next = retryAt ?? now
                try await db.raw(
                    """
                    UPDATE deliveries SET status = \(bind: retryAt == nil ? "failed" : "pending"), attempts = attempts + 1,
                        next_attempt_at = \(bind: next.millis), last_status = \(bind: status.map(Int64.init)),
                        last_error = \(bind: String(error.prefix(500))), claimed_until = NULL
                    WHERE id = \(bind: id)
                    """
                ).run()
            }
        }
    }

    public func deliveries(webhookId: Int64?, before: Int64?, limit: Int) async throws -> [Delivery] {
        try await database.read { db in
            var sql: SQLQueryString = "SELECT * FROM deliveries WHERE 1 = 1"
            if let webhookId { sql += " AND webhook_id = \(bind: webhookId)" }
            if let before { sql += " AND id < \(bind: before)" }
            sql += " ORDER BY id DESC LIMIT \(literal: max(1, min(limit, 200)))"
            return try await db.raw(sql).all().map(Self.delivery(from:))
        }
    }

    public func delivery(id: Int64) async throws -> Delivery? {
        try await database.read { db in
            try await db.raw("SELECT * FROM deliveries WHERE id = \(bind: id)").first().map(Self.delivery(from:))
        }
    }

    public func requeueFailedDelivery(id: Int64, now: Date) async throws -> Delivery {
        try await write { db in
            // One conditional UPDATE: of two admins retrying at once only one re-queues it, and no
            // instance is sending it meanwhile (claims take pending rows only); the next claim,
            // on whichever instance, sends it once more.
            let requeued = try await db.raw(
                """
                UPDATE deliveries SET status = 'pending', next_attempt_at = \(bind: now.millis), claimed_until = NULL,
                    target = COALESCE((SELECT w.url FROM webhooks w WHERE w.id = deliveries.webhook_id), target)
                WHERE id = \(bind: id) AND status = 'failed' RETURNING *
                """
            ).first()
            guard let requeued else { throw StoreError.notFound("delivery") }
            return try Self.delivery(from: requeued)
        }
    }

    static func delivery(from row: any SQLRow) throws -> Delivery {
        Delivery(
            id: try row.int("id"), channel: Delivery.Channel(rawValue: try row.string("channel")) ?? .webhook,
            webhookId: try row.optionalInt("webhook_id"), userId: try row.optionalInt("user_id"),
            target: try row.string("target"), event: try row.string("event"), payload: try row.string("payload"),
            status: Delivery.Status(rawValue: try row.string("status")) ?? .pending,
            attempts: Int(try row.int("attempts")),
            nextAttemptAt: Date(millis: try row.int("next_attempt_at")),
            lastError: try row.optionalString("last_error"),
            lastStatus: try row.optionalInt("last_status").map(Int.init),
            createdAt: Date(millis: try row.int("created_at")),
            deliveredAt: try row.optionalInt("delivered_at").map(Date.init(millis:)))
    }

    // MARK: - Inbox

    public func inbox(userId: Int64, unreadOnly: Bool, before: Int64?, limit: Int) async throws -> [InboxItem] {
        try await database.read { db in
            var sql: SQLQueryString = "SELECT * FROM notifications WHERE user_id = \(bind: userId)"
            if unreadOnly { sql += " AND read_at IS NULL" }
            if let before { sql += " AND id < \(bind: before)" }
            sql += " ORDER BY id DESC LIMIT \(literal: max(1, min(limit, 200)))"
            return try await db.raw(sql).all().map { row in
                InboxItem(
                    id: try row.int("id"), kind: try row.string("kind"), ticketNumber: try row.string("ticket_number"),
                    arguments: try Self.decode([String: String].self, json: try row.string("arguments")),
                    createdAt: Date(millis: try row.int("created_at")),
                    readAt: try row.optionalInt("read_at").map(Date.init(millis:)))
            }
        }
    }

    public func unreadCount(userId: Int64) async throws -> Int {
        try await database.read { db in
            Int(
                try await db.raw(
                    "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userId) AND read_at IS NULL"
                ).first()!.int("n"))
        }
    }

    public func markRead(userId: Int64, ids: [Int64]?, now: Date) async throws -> Int {
        try await write { db in
            var sql: SQLQueryString = """
                UPDATE notifications SET read_at = \(bind: now.millis)
                WHERE user_id = \(bind: userId) AND read_at IS NULL
                """
            if let ids {
                guard !ids.isEmpty else { return 0 }
                sql += " AND id IN (\(binds: ids))"
            }
            sql += " RETURNING id"
            let marked = try await db.raw(sql).all().count
            if marked > 0 { ChangeMarks.note(.inbox(userId: userId)) }
            return marked
        }
    }

    // MARK: - Webhooks

    public func webhooks() async throws -> [Webhook] {
        try await database.read { db in try await Self.loadWebhooks(on: db) }
    }

    static func loadWebhooks(on db: any SQLDatabase) async throws -> [Webhook] {
        try await db.raw("SELECT * FROM webhooks ORDER BY id").all().map { row in
            var hook = Webhook(
                id: try row.int("id"), name: try row.string("name"), url: try row.string("url"),
                secret: try row.string("secret"),
                events: try Self.decode([String].self, json: try row.string("events")),
                active: try row.int("active") != 0)
            hook.createdAt = Date(millis: try row.int("created_at"))
            return hook
        }
    }

    public func saveWebhook(_ webhook: Webhook, now: Date) async throws -> Webhook {
        try await write { db in
            var saved = webhook
            let events = try Self.json(webhook.events)
            if webhook.id == 0 {
                saved.id = try await db.raw(
                    """
                    INSERT INTO webhooks (name, url, secret, events, active, created_at)
                    VALUES (\(bind: webhook.name), \(bind: webhook.url), \(bind: webhook.secret), \(bind: events),
                        \(bind: webhook.active.sqlValue), \(bind: now.millis)) RETURNING id
                    """
                ).first()!.int("id")
                saved.createdAt = now
            } else {
                let updated = try await db.raw(
                    """
                    UPDATE webhooks SET name = \(bind: webhook.name), url = \(bind: webhook.url),
                        secret = \(bind: webhook.secret), events = \(bind: events), active = \(bind: webhook.active.sqlValue)
                    WHERE id = \(bind: webhook.id) RETURNING created_at
                    """
                ).first()
                guard let updated else { throw StoreError.notFound("webhook") }
                saved.createdAt = Date(millis: try updated.int("created_at"))
            }
            return saved
        }
    }

    public func deleteWebhook(id: Int64) async throws {
        try await write { db in
            guard try await db.raw("DELETE FROM webhooks WHERE id = \(bind: id) RETURNING id").first() != nil else {
                throw StoreError.notFound("webhook")
            }
        }
    }
}

/// The JSON body of a webhook delivery.
struct WebhookBody: Codable {
    /// Stable across retries: receivers use it to drop duplicates.
    var id: String
    var event: String
    var occurredAt: Date
    var ticket: String
    var data: [String: String]
    var recipients: [Int64]
}

/// An e-mail delivery's payload: the notice and the language to render it in.
public struct EmailPayload: Codable, Sendable {
    public var notice: Notice
    public var locale: String
}
