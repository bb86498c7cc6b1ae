import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/tickets/{number}/retrospective`: a major incident's printable retrospective (R7.4) and the
/// form that records its root cause and preventive actions, as the API's
/// `GET`/`PUT /api/v1/tickets/{number}/retrospective`.
struct WebRetrospectiveRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("tickets/:number/retrospective") { request, context in try await show(request, context) }
        group.post("tickets/:number/retrospective") { request, context in
            let page = try await deps.page(request, context)
            let user = try page.requireUser()
            let form = try await deps.form(request, context)
            let number = try context.parameters.require("number")
            let rootCause = form["rootCause"] ?? ""
            let preventive = form["preventiveActions"] ?? ""
            do {
                _ = try await deps.services.handling.recordRetrospective(
                    TicketRef(number: number, expectedVersion: form.int("version").map(Int.init)),
                    rootCause: rootCause, preventiveActions: preventive, by: user)
            } catch {
                let message = try deps.refusal(
                    error, page, context,
                    labels: ["rootCause": "ui.ticket.root_cause", "preventiveActions": "ui.retro.preventive"])
                return try await show(request, context, error: message, draft: (rootCause, preventive))
            }
            return Response.redirect(to: "/tickets/\(number)/retrospective")
        }
    }

    func show(
        _ request: Request, _ context: HelpdeskRequestContext, error: String? = nil,
        draft: (rootCause: String, preventiveActions: String)? = nil
    ) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let (view, retro) = try await deps.services.handling.retrospective(
            try context.parameters.require("number"), for: user)
        let views = try await deps.views(page)
        let model = views.retrospective(
            retro, of: view.ticket, calendar: view.rules.calendar, error: error, draft: draft)
        return deps.renderer.page(
            model, page, title: "\(views.t("ui.retro.title")) \(retro.number) \(retro.title)",
            status: error == nil ? .ok : .unprocessableContent)
    }
}
