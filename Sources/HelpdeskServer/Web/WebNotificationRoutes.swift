import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/notifications`: the inbox for every role, over the same ``NotificationService`` as the
/// API's `/api/v1/notifications`, texts rendered in the reader's language.
struct WebNotificationRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("notifications", use: inbox)
        group.post("notifications/read", use: markRead)
    }

    @Sendable func inbox(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let parameters = request.uri.queryParameters
        let unreadOnly = try QueryParsing.bool(parameters.get("unread"), "unread") ?? false
        let inbox = try await deps.services.notifications.inbox(
            for: user, unreadOnly: unreadOnly, before: try QueryParsing.id(parameters.get("before"), "before"),
            limit: 50)
        let renderer = try await deps.texts.renderer()
        let zone = renderer.timeZone
        let items = inbox.items.map { item in
            let text = renderer.render(kind: item.kind, arguments: item.arguments, locale: page.locale)
            return NotificationsPage.Item(
                id: item.id, title: text.title, body: text.body,
                link: Self.link(item),
                at: TimeFormatting.local(item.createdAt, zone), unread: item.readAt == nil)
        }
        let older = inbox.nextCursor.map { "/notifications?before=\($0)" + (unreadOnly ? "&unread=true" : "") }
        let model = NotificationsPage(items: items, unreadOnly: unreadOnly, olderLink: older)
        return deps.render(model, page, titleKey: "ui.inbox.title")
    }

    /// One notification (`ids`) or, without it, all unread ones.
    @Sendable func markRead(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context)
        let ids = try form.all("ids").map { (value: String) -> Int64 in
            guard let id = Int64(value), id > 0 else { throw APIError.invalidValue("ids") }
            return id
        }
        _ = try await deps.services.notifications.markRead(ids.isEmpty ? nil : ids, for: user)
        return .redirect(to: "/notifications")
    }

    /// Where a notice leads: its ticket, the article it is about, or the quarantine.
    static func link(_ item: InboxItem) -> String {
        if !item.ticketNumber.isEmpty { return "/tickets/\(item.ticketNumber)" }
        if item.kind.hasPrefix("kb_"), let article = item.arguments["article"].flatMap(Int64.init) {
            return "/kb/articles/\(article)"
        }
        return "/admin/channels"
    }
}
