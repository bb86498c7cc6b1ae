import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// The in-app inbox of every user, and for admins the webhooks, their delivery log and the
/// SLA engine's settings.
struct NotificationRoutes {
    let store: any HelpdeskStore
    let clock: AppClock
    let localizer: Localizer

    struct InboxEntry: Encodable, Sendable {
        var id: Int64
        var kind: String
        var ticketNumber: String
        var title: String
        var body: String
        var createdAt: Date
        var readAt: Date?
    }

    struct Inbox: ResponseEncodable {
        var items: [InboxEntry]
        var unread: Int
        var nextCursor: Int64?
    }

    struct ReadBody: Decodable {
        /// All unread when omitted.
        var ids: [Int64]?
    }

    struct ReadResult: ResponseEncodable { var marked: Int }

    struct WebhookBody: Decodable {
        var name: String
        var url: String
        var secret: String?
        var events: [String]?
        var active: Bool?
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("notifications", use: inbox)
        group.post("notifications/read") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(ReadBody.self, context: context)
            guard (body.ids?.count ?? 0) <= 500 else { throw APIError.invalidValue("ids") }
            return ReadResult(marked: try await store.markRead(userId: user.id, ids: body.ids, now: clock.now()))
        }
        group.get("admin/webhooks") { _, context in
            _ = try context.requireRole([.admin], action: "webhooks")
            return DirectoryRoutes.Items(items: try await store.webhooks())
        }
        group.post("admin/webhooks") { request, context in
            _ = try context.requireRole([.admin], action: "webhooks")
            let body = try await request.decodeJSON(WebhookBody.self, context: context)
            let saved = try await store.saveWebhook(try validated(body, id: 0), now: clock.now())
            return EditedResponse(status: .created, response: saved)
        }
        group.put("admin/webhooks/:id") { request, context in
            _ = try context.requireRole([.admin], action: "webhooks")
            let id = try context.parameters.id(resource: "webhook")
            let body = try await request.decodeJSON(WebhookBody.self, context: context)
            return try await store.saveWebhook(try validated(body, id: id), now: clock.now())
        }
        group.delete("admin/webhooks/:id") { _, context in
            _ = try context.requireRole([.admin], action: "webhooks")
            try await store.deleteWebhook(id: try context.parameters.id(resource: "webhook"))
            return Response(status: .noContent)
        }
        group.get("admin/deliveries") { request, context in
            _ = try context.requireRole([.admin], action: "deliveries")
            let query = request.uri.queryParameters
            let items = try await store.deliveries(
                webhookId: try TicketRoutes.id(query.get("webhookId"), "webhookId"),
                before: try TicketRoutes.id(query.get("before"), "before"),
                limit: try TicketRoutes.id(query.get("limit"), "limit").map(Int.init) ?? 50)
            return DirectoryRoutes.Items(items: items)
        }
        group.get("admin/sla-engine") { _, context in
            _ = try context.requireRole(DirectoryRoutes.staff, action: "sla_engine")
            return try await store.setting(SLAEngineSettings.settingKey, as: SLAEngineSettings.self) ?? .default
        }
        group.put("admin/sla-engine") { request, context in
            _ = try context.requireRole([.admin], action: "sla_engine")
            let settings = try await request.decodeJSON(SLAEngineSettings.self, context: context)
            try settings.validate()
            guard settings.dailyUpdateCutoff.isValid, settings.dailyUpdateCutoff.hour < 24 else {
                throw APIError.invalidValue("dailyUpdateCutoff")
            }
            try await store.setSetting(SLAEngineSettings.settingKey, settings, now: clock.now())
            try await store.replanTimers()
            return settings
        }
    }

    @Sendable func inbox(_ request: Request, context: HelpdeskRequestContext) async throws -> Inbox {
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        let limit = min(try TicketRoutes.id(query.get("limit"), "limit").map(Int.init) ?? 50, 200)
        let unreadOnly = query.get("unread") == "true"
        let items = try await store.inbox(
            userId: user.id, unreadOnly: unreadOnly, before: try TicketRoutes.id(query.get("before"), "before"),
            limit: limit + 1)
        let locale = TicketRoutes.locale(request, user)
        let renderer = try await Self.renderer(store: store, localizer: localizer)
        let entries = items.prefix(limit).map { item in
            let text = renderer.render(kind: item.kind, arguments: item.arguments, locale: locale)
            return InboxEntry(
                id: item.id, kind: item.kind, ticketNumber: item.ticketNumber, title: text.title, body: text.body,
                createdAt: item.createdAt, readAt: item.readAt)
        }
        return Inbox(
            items: entries, unread: try await store.unreadCount(userId: user.id),
            nextCursor: items.count > limit ? entries.last?.id : nil)
    }

    /// Renders in the time zone of the current policy's calendar.
    static func renderer(store: any HelpdeskStore, localizer: Localizer) async throws -> NoticeRenderer {
        var zone = TimeZone.gmt
        if let policy = try await store.currentSLAPolicy() {
            let rules = try await store.rules(policyId: policy.id)
            zone = TimeZone(identifier: rules.calendar.timeZoneIdentifier) ?? .gmt
        }
        return NoticeRenderer(localizer: localizer, timeZone: zone)
    }

    private func validated(_ body: WebhookBody, id: Int64) throws -> Webhook {
        guard let name = DirectoryRoutes.clean(body.name, max: 100) else { throw APIError.invalidValue("name") }
        guard let url = URL(string: body.url), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host != nil, body.url.count <= 2000
        else { throw APIError.invalidValue("url") }
        let secret = body.secret ?? Tokens.generate()
        guard secret.count >= 16, secret.count <= 200 else { throw APIError.invalidValue("secret") }
        let known = Set(NoticeKind.allCases.map(\.rawValue))
        let events = body.events ?? []
        guard events.allSatisfy(known.contains) else { throw APIError.invalidValue("events") }
        return Webhook(id: id, name: name, url: body.url, secret: secret, events: events, active: body.active ?? true)
    }
}

extension SLAEngineSettings: ResponseEncodable {}
extension Webhook: ResponseEncodable {}
