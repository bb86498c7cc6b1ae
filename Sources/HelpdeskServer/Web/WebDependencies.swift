import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// What the web handlers share: the store, the ticket use cases the API uses, templates and keys.
struct WebDependencies: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let service: TicketService
    let renderer: WebRenderer
    let keys: SessionKeys
    let options: WebOptions
    let tokenLifetime: TimeInterval

    func page(_ request: Request, _ context: HelpdeskRequestContext) async throws -> WebPage {
        WebPage(request, context, signer: try await keys.current())
    }

    func form(_ request: Request, _ context: HelpdeskRequestContext, limit: Int = 64 * 1024) async throws -> FormData {
        try await request.webForm(context, signer: try await keys.current(), limit: limit)
    }

    /// Names for the ids on a page: staff (handlers are never requesters, and requesters may be
    /// many), groups, categories.
    func views(_ page: WebPage) async throws -> TicketViews {
        let users = try await store.staff()
        let groups = try await store.groups()
        let categories = try await store.categories()
        return TicketViews(
            renderer: renderer, page: page, now: clock.now(),
            users: Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            groups: Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            categories: Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    func render(
        _ template: String, _ page: WebPage, titleKey: String, _ data: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        renderer.page(template, page, title: renderer.text(titleKey, page), data, status: status)
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
