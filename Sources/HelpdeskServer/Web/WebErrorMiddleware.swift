import Foundation
import HelpdeskCore
import Hummingbird

/// The web UI's counterpart of ``ErrorMiddleware``: redirects for pages that need a session,
/// and every other error as a page in the reader's language (same codes and messages as the API).
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    let renderer: WebRenderer
    let keys: SessionKeys

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let redirect as WebRedirect {
            return .redirect(to: redirect.location, type: .normal)
        } catch {
            let page = WebPage(request, context, signer: try await keys.current())
            let message: String
            let status: HTTPResponse.Status
            if error is CSRFError {
                status = .forbidden
                message = renderer.text("ui.error.csrf", page)
            } else {
                let apiError = ErrorMapping.map(error, logger: context.logger)
                status = apiError.status
                message = ErrorMapping.message(apiError, localizer: renderer.localizer, locale: page.locale)
            }
            return renderer.page(
                ErrorPage(message: message, status: Int(status.code)), page,
                title: renderer.text("ui.error.title", page), status: status)
        }
    }
}
