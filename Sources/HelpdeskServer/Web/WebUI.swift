import Foundation
import Hummingbird
import HelpdeskStore

/// The web UI under `/`: server-rendered pages for requesters, agents, supervisors and admins.
/// The API under `/api/v1` is untouched; both share the store, the ticket use cases and tokens.
enum WebUI {
    static func register(
        on router: Router<HelpdeskRequestContext>, store: any HelpdeskStore, clock: AppClock, localizer: Localizer,
        tokenLifetime: TimeInterval, options: WebOptions
    ) {
        let renderer: WebRenderer
        let files: StaticFiles
        do {
            renderer = try WebRenderer(localizer: localizer)
            files = try StaticFiles()
        } catch {
            // Templates and static files ship inside the binary's bundle; missing ones are a build error.
            fatalError("web UI resources could not be loaded: \(error)")
        }
        let keys = SessionKeys(store: store, configured: options.sessionSecret, clock: clock)
        let deps = WebDependencies(
            store: store, clock: clock, service: TicketService(store: store, clock: clock), renderer: renderer, keys: keys,
            options: options, tokenLifetime: tokenLifetime)
        files.register(on: router)
        let web = router.group()
            .add(middleware: WebErrorMiddleware(renderer: renderer, keys: keys))
            .add(middleware: WebSessionMiddleware(store: store, clock: clock, keys: keys))
        WebAuthRoutes(deps: deps).register(on: web)
        WebIntakeRoutes(deps: deps).register(on: web)
        WebTicketRoutes(deps: deps).register(on: web)
        WebAttachmentRoutes(deps: deps).register(on: web)
        WebQueueRoutes(deps: deps).register(on: web)
        WebAdminDirectoryRoutes(deps: deps).register(on: web)
        WebAdminConfigRoutes(deps: deps).register(on: web)
    }
}
