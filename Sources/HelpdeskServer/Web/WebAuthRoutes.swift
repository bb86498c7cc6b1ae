import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/`, `/login`, `/logout`, `/lang`: signing in creates an API token (so expiry and revocation
/// work as for the API) and puts it in a signed, HttpOnly, SameSite=Lax cookie.
struct WebAuthRoutes {
    let deps: WebDependencies

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("/") { request, context in
            let page = try await deps.page(request, context)
            return Response.redirect(to: WebDependencies.home(for: try page.requireUser()))
        }
        group.get("login") { request, context in
            var page = try await deps.page(request, context)
            if let user = page.user { return Response.redirect(to: WebDependencies.home(for: user)) }
            guard request.cookies[WebPage.preSessionCookie] == nil else {
                return deps.render(LoginPage(error: nil, username: ""), page, titleKey: "ui.login.title")
            }
            let nonce = Tokens.generate()
            page.csrf = try await deps.keys.current().csrfToken(for: WebPage.preSessionSubject(nonce))
            var response = deps.render(LoginPage(error: nil, username: ""), page, titleKey: "ui.login.title")
            response.setCookie(
                Cookie(
                    name: WebPage.preSessionCookie, value: nonce, path: "/", secure: deps.options.secureCookies,
                    httpOnly: true, sameSite: .strict))
            return response
        }
        group.post("login", use: login)
        group.post("logout", use: logout)
        group.post("lang", use: language)
        group.post("away", use: away)
    }

    /// An engineer marks themselves away or back (R4.1); back to the page they were on.
    @Sendable func away(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let form = try await deps.form(request, context)
        guard let away = form["away"].flatMap(Bool.init) else { throw APIError.invalidValue("away") }
        _ = try await deps.services.directory.setAway(away, for: user)
        let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        return .redirect(to: back)
    }

    @Sendable func login(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let form = try await request.signInForm(signer: try await deps.keys.current())
        let page = try await deps.page(request, context)
        let issued: SignInService.Issued
        do {
            issued = try await deps.services.signIn.issue(
                username: form.text("username") ?? "", password: form["password"] ?? "",
                address: context.clientAddress)
        } catch let error as UseCaseError {
            let status: HTTPResponse.Status
            switch error {
            case .invalidCredentials: status = .unauthorized
            case .tooManyAttempts: status = .tooManyRequests
            default: throw error
            }
            let message = ErrorMapping.message(.from(error), localizer: deps.renderer.localizer, locale: page.locale)
            var response = deps.render(
                LoginPage(error: message, username: form["username"] ?? ""), page, titleKey: "ui.login.title",
                status: status)
            if let seconds = APIError.from(error).retryAfter { response.headers[.retryAfter] = seconds }
            return response
        }
        var response = Response.redirect(to: WebDependencies.home(for: issued.user))
        response.setCookie(deps.sessionCookie(issued.token, signer: try await deps.keys.current()))
        return response
    }

    @Sendable func logout(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        _ = try await deps.form(request, context)
        if let token = context.sessionToken {
            try await deps.services.signIn.revoke(token)
        }
        var response = Response.redirect(to: "/login")
        response.setCookie(deps.sessionCookie(nil, signer: try await deps.keys.current()))
        return response
    }

    /// Remembers the language on the user (signed in) and in a cookie (signed-out pages).
    @Sendable func language(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let form =
            context.sessionToken == nil ? try await request.unverifiedForm() : try await deps.form(request, context)
        let locale = form["locale"].flatMap { Localizer.supported.contains($0) ? $0 : nil } ?? Localizer.fallback
        // Only the language is written: the session's cached user must not undo an
        // administrator's change made meanwhile.
        if let user = context.user { try await deps.services.directory.setLocale(locale, for: user) }
        let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        var response = Response.redirect(to: back)
        response.setCookie(
            Cookie(
                name: WebPage.localeCookie, value: locale, maxAge: 365 * 86_400, path: "/",
                secure: deps.options.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
