import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// The in-app inbox of every user, and for admins the webhooks and their delivery log
/// (``NotificationService``).
struct NotificationRoutes {
    let notifications: NotificationService
    let texts: NoticeTexts

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

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("notifications", use: inbox)
        group.post("notifications/read") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(ReadBody.self, context: context)
            return ReadResult(marked: try await notifications.markRead(body.ids, for: user))
        }
        group.get("admin/webhooks") { _, context in
            Items(items: try await notifications.webhooks(for: try context.requireUser()))
        }
        group.post("admin/webhooks") { request, context in
            let admin = try context.requireUser()
            let command = try await request.decodeJSON(NotificationService.WebhookCommand.self, context: context)
            return EditedResponse(
                status: .created, response: try await notifications.saveWebhook(0, command, by: admin))
        }
        group.put("admin/webhooks/:id") { request, context in
            let admin = try context.requireUser()
            let id = try context.parameters.id(resource: "webhook")
            let command = try await request.decodeJSON(NotificationService.WebhookCommand.self, context: context)
            return try await notifications.saveWebhook(id, command, by: admin)
        }
        group.delete("admin/webhooks/:id") { _, context in
            let admin = try context.requireUser()
            try await notifications.deleteWebhook(try context.parameters.id(resource: "webhook"), by: admin)
            return Response(status: .noContent)
        }
        group.get("admin/deliveries") { request, context in
            let admin = try context.requireUser()
            let query = request.uri.queryParameters
            let items = try await notifications.deliveries(
                webhookId: try QueryParsing.id(query.get("webhookId"), "webhookId"),
                before: try QueryParsing.id(query.get("before"), "before"),
                limit: try QueryParsing.limit(query.get("limit"), default: 50, range: NotificationService.pageLimits),
                for: admin)
            return Items(items: items)
        }
        group.post("admin/deliveries/:id/retry") { _, context in
            let admin = try context.requireUser()
            return try await notifications.retryDelivery(try context.parameters.id(resource: "delivery"), by: admin)
        }
    }

    @Sendable func inbox(_ request: Request, context: HelpdeskRequestContext) async throws -> Inbox {
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        let page = try await notifications.inbox(
            for: user, unreadOnly: try QueryParsing.bool(query.get("unread"), "unread") ?? false,
            before: try QueryParsing.id(query.get("before"), "before"),
            limit: try QueryParsing.limit(query.get("limit"), default: 50, range: NotificationService.pageLimits))
        let renderer = try await texts.renderer()
        let locale = request.locale(for: user)
        let entries = page.items.map { item in
            let text = renderer.render(kind: item.kind, arguments: item.arguments, locale: locale)
            return InboxEntry(
                id: item.id, kind: item.kind, ticketNumber: item.ticketNumber, title: text.title, body: text.body,
                createdAt: item.createdAt, readAt: item.readAt)
        }
        return Inbox(items: entries, unread: page.unread, nextCursor: page.nextCursor)
    }
}

extension WebhookView: ResponseEncodable {}
extension Delivery: ResponseEncodable {}
