import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// What the web handlers share: the use cases the API runs, templates and session keys.
struct WebDependencies: Sendable {
    let services: UseCases
    let renderer: WebRenderer
    let keys: SessionKeys
    let options: WebOptions

    var clock: AppClock { services.clock }
    var tickets: TicketService { services.tickets }
    var tokenLifetime: TimeInterval { services.signIn.lifetime }

    let texts: NoticeTexts

    func page(_ request: Request, _ context: HelpdeskRequestContext) async throws -> WebPage {
        var page = WebPage(request, context, signer: try await keys.current())
        if let user = context.user { page.unread = try await services.notifications.unreadCount(for: user) }
        return page
    }

    func form(_ request: Request, _ context: HelpdeskRequestContext, limit: Int = 64 * 1024) async throws -> FormData {
        try await request.webForm(context, signer: try await keys.current(), limit: limit)
    }

    /// Names for the ids on a page: staff (handlers are never requesters, and requesters may be
    /// many), groups, categories.
    func views(_ page: WebPage) async throws -> TicketViews {
        TicketViews(renderer: renderer, page: page, now: clock.now(), names: try await services.directory.names())
    }

    /// A use case's refusal of a form (a 4xx other than 401) as a message in the page's language,
    /// for the form to show with the posted values; anything else goes on to the error page.
    /// `labels` names a field by its label on the form (`"warningPercent": "ui.engine.warningPercent"`).
    func refusal(
        _ error: any Error, _ page: WebPage, _ context: HelpdeskRequestContext, labels: [String: String] = [:]
    ) throws -> String {
        var mapped = ErrorMapping.map(error, logger: context.logger)
        guard mapped.status.code < 500, mapped.status != .unauthorized else { throw error }
        if let field = mapped.arguments["field"], let key = labels[field] {
            mapped.arguments["field"] = renderer.text(key, page)
        }
        return ErrorMapping.message(mapped, localizer: renderer.localizer, locale: page.locale)
    }

    func render(
        _ model: some PageModel, _ page: WebPage, titleKey: String, status: HTTPResponse.Status = .ok
    ) -> Response {
        renderer.page(model, page, title: renderer.text(titleKey, page), status: status)
    }

    /// The cookie that carries the session, or clears it when `token` is nil.
    func sessionCookie(_ token: String?, signer: SessionSigner) -> Cookie {
        Cookie(
            name: WebSessionMiddleware.cookieName, value: token.map(signer.cookieValue(for:)) ?? "",
            maxAge: token == nil ? 0 : Int(tokenLifetime), path: "/", secure: options.secureCookies, httpOnly: true,
            sameSite: .lax)
    }

    /// Where a user lands after signing in.
    static func home(for user: User) -> String {
        switch user.role {
        case .requester: "/my"
        case .agent: "/queues/mine"
        case .problemManager: "/queues/unassigned"
        case .supervisor: "/supervisor/board"
        case .admin: "/admin/users"
        }
    }
}
