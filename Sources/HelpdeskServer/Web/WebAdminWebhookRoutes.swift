import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// `/admin/webhooks` and `/admin/deliveries/{id}/retry`: webhooks and their delivery log over
/// the same ``NotificationService`` use cases as the API's `admin/webhooks` and `admin/deliveries`.
struct WebAdminWebhookRoutes {
    let deps: WebDependencies
    var notifications: NotificationService { deps.services.notifications }
    /// Deliveries a page, unless `limit` asks for fewer or more.
    static let pageSize = 50

    /// What the form shows: a stored webhook, or the values of a refused post (id 0: a new one).
    struct Draft {
        var id: Int64
        var name: String
        var url: String
        var events: [String]
        var active: Bool

        init(id: Int64, name: String, url: String, events: [String], active: Bool) {
            (self.id, self.name, self.url, self.events, self.active) = (id, name, url, events, active)
        }

        init(_ hook: WebhookView) {
            self.init(id: hook.id, name: hook.name, url: hook.url, events: hook.events, active: hook.active)
        }
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.editable("admin/webhooks", resource: "webhook", page: show, save: save)
        group.post("admin/webhooks/:id/delete") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            _ = try await deps.form(request, context)
            try await notifications.deleteWebhook(try context.parameters.id(resource: "webhook"), by: admin)
            return Response.redirect(to: "/admin/webhooks")
        }
        group.post("admin/deliveries/:id/retry") { request, context in
            let page = try await deps.page(request, context)
            let admin = try page.requireRole([.admin])
            let form = try await deps.form(request, context)
            _ = try await notifications.retryDelivery(try context.parameters.id(resource: "delivery"), by: admin)
            let back = form.int("webhookId").map { "?webhookId=\($0)" } ?? ""
            return Response.redirect(to: "/admin/webhooks\(back)#deliveries")
        }
    }

    /// The list, the log and the form: blank, or of the webhook `editing`.
    @Sendable func show(_ request: Request, _ context: HelpdeskRequestContext, editing: Int64?) async throws
        -> Response
    {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        var draft: Draft?
        if let editing {
            guard let hook = try await notifications.webhooks(for: admin).first(where: { $0.id == editing }) else {
                throw APIError.notFound("webhook")
            }
            draft = Draft(hook)
        }
        return try await render(request, page, admin: admin, editing: draft)
    }

    /// Creates (`id` 0) or saves a webhook; after a create, the page shows its secret once.
    @Sendable func save(_ request: Request, _ context: HelpdeskRequestContext, id: Int64) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        let command = NotificationService.WebhookCommand(
            name: form["name"] ?? "", url: form["url"] ?? "", secret: form.text("secret"), events: form.all("events"),
            active: form["active"] == "on")
        let saved: WebhookView
        do {
            saved = try await notifications.saveWebhook(id, command, by: admin)
        } catch {
            let message = try deps.refusal(
                error, page, context,
                labels: ["name": "ui.admin.name", "url": "ui.webhooks.url", "secret": "ui.webhooks.secret"])
            let edited = Draft(
                id: id, name: command.name, url: command.url, events: command.events ?? [],
                active: command.active ?? true)
            return try await render(request, page, admin: admin, editing: edited, error: message)
        }
        guard let secret = saved.secret else { return .redirect(to: "/admin/webhooks") }
        return try await render(
            request, page, admin: admin, editing: nil,
            created: AdminWebhooksPage.Created(name: saved.name, secret: secret))
    }

    /// Transport errors run to several lines of `NSError` description; the table shows the start.
    static func shortened(_ text: String, to length: Int = 120) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }

    /// The page; `editing` with id 0 is a new webhook refused with `error`.
    func render(
        _ request: Request, _ page: WebPage, admin: User, editing: Draft?, error: String? = nil,
        created: AdminWebhooksPage.Created? = nil
    ) async throws -> Response {
        let views = try await deps.views(page)
        let calendar = try await deps.services.configuration.calendars(for: admin).first?.calendar ?? .standard
        let hooks = try await notifications.webhooks(for: admin)
        let query = request.uri.queryParameters
        let webhookId = try QueryParsing.id(query.get("webhookId"), "webhookId")
        let before = try QueryParsing.id(query.get("before"), "before")
        let limit = try QueryParsing.limit(query.get("limit"), default: Self.pageSize, range: 1...100)
        // One more than shown tells whether there are older ones.
        let found = try await notifications.deliveries(
            webhookId: webhookId, before: before, limit: limit + 1, for: admin)
        let shown = found.prefix(limit)
        let event = { (kind: String) in views.t("ui.webhooks.event.\(kind)") }
        let names = Dictionary(uniqueKeysWithValues: hooks.map { ($0.id, $0.name) })
        let rows = shown.map { delivery in
            AdminWebhooksPage.Row(
                id: delivery.id, at: TimeFormatting.local(delivery.createdAt, calendar),
                webhook: delivery.webhookId.map { names[$0] ?? views.t("ui.webhooks.removed", ["id": String($0)]) }
                    ?? views.t("ui.channel.email"),
                event: event(delivery.event), target: delivery.target,
                status: views.t("ui.webhooks.status.\(delivery.status.rawValue)"), failed: delivery.status == .failed,
                attempts: delivery.attempts, lastStatus: delivery.lastStatus,
                lastError: Self.shortened(delivery.lastError ?? ""), lastErrorDetail: delivery.lastError ?? "",
                nextAttempt: delivery.status == .pending ? TimeFormatting.local(delivery.nextAttemptAt, calendar) : nil)
        }
        var older: String?
        if found.count > limit, let last = shown.last {
            older =
                "/admin/webhooks?" + (webhookId.map { "webhookId=\($0)&" } ?? "")
                + (limit == Self.pageSize ? "" : "limit=\(limit)&") + "before=\(last.id)#deliveries"
        }
        let subscribed = Set(editing?.events ?? [])
        let form = AdminWebhooksPage.Form(
            action: editing.map { $0.id == 0 ? "/admin/webhooks" : "/admin/webhooks/\($0.id)" } ?? "/admin/webhooks",
            editedId: editing.flatMap { $0.id == 0 ? nil : $0.id }, name: editing?.name ?? "",
            url: editing?.url ?? "", active: editing?.active ?? true,
            events: NoticeKind.allCases.map {
                AdminWebhooksPage.Event(
                    value: $0.rawValue, label: event($0.rawValue), checked: subscribed.contains($0.rawValue))
            })
        let model = AdminWebhooksPage(
            webhooks: hooks.map { hook in
                AdminWebhooksPage.Hook(
                    id: hook.id, name: hook.name, url: hook.url,
                    events: hook.events.isEmpty
                        ? views.t("ui.webhooks.all_events") : hook.events.map(event).joined(separator: "、"),
                    active: hook.active)
            },
            form: form, created: created, error: error,
            filter: hooks.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == webhookId) },
            filterWebhookId: webhookId.map(String.init) ?? "", deliveries: rows, olderLink: older)
        return deps.render(
            model, page, titleKey: "ui.webhooks.title", status: error == nil ? .ok : .unprocessableContent)
    }
}
