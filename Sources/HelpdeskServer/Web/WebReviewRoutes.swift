import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/tickets/{number}/review`: the supervisor's review record (R5.5), as the API's
/// `GET /api/v1/tickets/{number}/review`; its review and close forms post to the ticket's
/// `…/actions` like the ticket page's and come back here.
struct WebReviewRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("tickets/:number/review", use: show)
    }

    @Sendable func show(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let (_, view, review) = try await deps.services.handling.review(
            try context.parameters.require("number"), for: user)
        let views = try await deps.views(page)
        let actions = Workflow.availableActions(
            for: view.ticket, by: user.actor, at: deps.clock.now(), rules: view.rules)
        let model = views.review(review, of: view.ticket, actions: actions, calendar: view.rules.calendar)
        return deps.renderer.page(
            model, page, title: "\(views.t("ui.review.title")) \(view.ticket.number) \(view.ticket.title)")
    }
}
