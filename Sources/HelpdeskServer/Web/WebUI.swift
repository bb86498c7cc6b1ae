import Foundation
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// The web UI under `/`: server-rendered pages for requesters, agents, supervisors and admins.
/// The API under `/api/v1` is untouched; both share the store, the ticket use cases and tokens.
enum WebUI {
    static func register(
        on router: Router<HelpdeskRequestContext>, services: UseCases, store: any HelpdeskStore, localizer: Localizer,
        options: WebOptions
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
        let keys = SessionKeys(store: store, configured: options.sessionSecret, clock: services.clock)
        let deps = WebDependencies(
            services: services, renderer: renderer, keys: keys, options: options,
            texts: NoticeTexts(store: store, localizer: localizer))
        files.register(on: router)
        let web = router.group()
            .add(middleware: WebErrorMiddleware(renderer: renderer, keys: keys))
            .add(middleware: WebSessionMiddleware(signIn: services.signIn, keys: keys))
        WebAuthRoutes(deps: deps).register(on: web)
        WebIntakeRoutes(deps: deps).register(on: web)
        WebTicketRoutes(deps: deps).register(on: web)
        WebReviewRoutes(deps: deps).register(on: web)
        WebRetrospectiveRoutes(deps: deps).register(on: web)
        WebAttachmentRoutes(deps: deps).register(on: web)
        WebQueueRoutes(deps: deps).register(on: web)
        WebAdminDirectoryRoutes(deps: deps).register(on: web)
        WebAdminConfigRoutes(deps: deps).register(on: web)
        WebAdminAuditRoutes(deps: deps).register(on: web)
        WebAdminWebhookRoutes(deps: deps).register(on: web)
        WebAdminChannelRoutes(deps: deps).register(on: web)
        WebAdminReplyTemplateRoutes(deps: deps).register(on: web)
        WebAdminEngineRoutes(deps: deps).register(on: web)
        WebNotificationRoutes(deps: deps).register(on: web)
        WebLiveRoutes(deps: deps).register(on: web)
        WebExtensionRoutes(deps: deps).register(on: web)
        WebSearchRoutes(deps: deps).register(on: web)
        WebKnowledgeRoutes(deps: deps).register(on: web)
        WebProblemRoutes(deps: deps).register(on: web)
        WebReportRoutes(deps: deps).register(on: web)
    }
}
