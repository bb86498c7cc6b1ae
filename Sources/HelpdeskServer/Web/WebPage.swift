import Foundation
import HelpdeskCore
import Hummingbird

/// What every page needs to know about its request: who is signed in, in which language,
/// the session's CSRF token and the path (to come back to after switching language).
struct WebPage: Sendable {
    static let localeCookie = "hd_lang"
    /// A random value set before sign-in; the sign-in form's CSRF token derives from it, so a
    /// foreign site cannot sign a browser in to an account of its choosing (login CSRF).
    static let preSessionCookie = "hd_pre"
    let user: User?
    let locale: String
    var csrf: String?
    let path: String
    let sessionToken: String?
    /// Unread notifications of the signed-in user, for the header's badge.
    var unread = 0

    init(_ request: Request, _ context: HelpdeskRequestContext, signer: SessionSigner) {
        user = context.user
        sessionToken = context.sessionToken
        csrf =
            context.sessionToken.map(signer.csrfToken(for:))
            ?? request.cookies[Self.preSessionCookie].map { signer.csrfToken(for: Self.preSessionSubject($0.value)) }
        path = request.uri.path
        // zh-CN unless the user (or, signed out, the language cookie) chose English.
        let chosen =
            request.uri.queryParameters.get("lang") ?? context.user?.locale ?? request.cookies[Self.localeCookie]?.value
        locale = chosen.flatMap { Localizer.supported.contains($0) ? $0 : nil } ?? Localizer.fallback
    }

    /// A reader outside any request, in their own language: the subscriber of a scheduled
    /// report's e-mail, whose figures are rendered as the reports page renders them.
    init(reader user: User, path: String) {
        self.user = user
        locale = Localizer.supported.contains(user.locale) ? user.locale : Localizer.fallback
        csrf = nil
        self.path = path
        sessionToken = nil
    }

    /// The signed-in user, or a redirect to the sign-in page.
    func requireUser() throws -> User {
        guard let user else { throw WebRedirect(to: "/login") }
        return user
    }

    func requireRole(_ roles: Set<Role>) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else { throw APIError.forbidden("page") }
        return user
    }
}

/// Thrown by handlers to send the browser elsewhere (303 See Other).
struct WebRedirect: Error {
    let location: String
    init(to location: String) { self.location = location }
}

extension WebPage {
    /// What a pre-session CSRF token signs; never equal to an API token's subject.
    static func preSessionSubject(_ nonce: String) -> String { "pre|" + nonce }
}

/// A form posted without the session's CSRF token.
struct CSRFError: Error {}

extension Request {
    /// Reads a posted form (url-encoded or multipart, up to `limit` bytes) and checks its CSRF token.
    func webForm(_ context: HelpdeskRequestContext, signer: SessionSigner, limit: Int = 64 * 1024) async throws
        -> FormData
    {
        guard let session = context.sessionToken else { throw WebRedirect(to: "/login") }
        let form = try await unverifiedForm(limit: limit)
        guard signer.isValidCSRF(form["_csrf"], for: session) else { throw CSRFError() }
        return form
    }

    /// The sign-in form, checked against the pre-session cookie it was served with.
    func signInForm(signer: SessionSigner) async throws -> FormData {
        let form = try await unverifiedForm()
        guard let nonce = cookies[WebPage.preSessionCookie]?.value,
            signer.isValidCSRF(form["_csrf"], for: WebPage.preSessionSubject(nonce))
        else { throw CSRFError() }
        return form
    }

    /// A posted form without a session (sign-in, language switch when signed out).
    func unverifiedForm(limit: Int = 64 * 1024) async throws -> FormData {
        let buffer = try await body.collect(upTo: limit)
        let bytes = Array(buffer.readableBytesView)
        let contentType = headers[.contentType] ?? ""
        if let boundary = Multipart.boundary(contentType: contentType) {
            do { return try Multipart.parse(bytes, boundary: boundary) } catch {
                throw APIError(.badRequest, "invalid_form")
            }
        }
        return FormData.urlEncoded(String(decoding: bytes, as: UTF8.self))
    }
}
