import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/extensions`: the supervisor's pending extension requests, as the API's `GET /extensions`;
/// each decision posts to the ticket's `…/extensions/{id}/decision`.
struct WebExtensionRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("extensions", use: pending)
    }

    @Sendable func pending(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireRole([.supervisor, .admin])
        let views = try await deps.views(page)
        let pending = try await deps.services.handling.pendingExtensions(limit: 200, for: user)
        let calendar = try await deps.services.configuration.calendars(for: user).first?.calendar ?? .standard
        let rows = pending.map { ticket, request in
            ExtensionsPage.Row(
                number: ticket.number, ticketTitle: ticket.title, priority: ticket.priority.rawValue, id: request.id,
                by: request.requestedByName, at: views.time(request.requestedAt, calendar),
                originalDueAt: views.time(request.originalDueAt, calendar),
                dueAt: views.time(request.requestedDueAt, calendar), reason: request.reason)
        }
        return deps.render(ExtensionsPage(rows: rows), page, titleKey: "ui.extension.list_title")
    }
}
