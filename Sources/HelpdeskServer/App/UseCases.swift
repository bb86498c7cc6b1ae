import Foundation
import HelpdeskStore
import HelpdeskUseCases

/// The use cases of one server instance, built once on one store and clock and handed to the
/// API routes, the web pages and the background services alike.
struct UseCases: Sendable {
    let clock: AppClock
    let tickets: TicketService
    let handling: HandlingService
    let directory: DirectoryService
    let configuration: ConfigurationService
    let notifications: NotificationService
    let attachments: AttachmentService
    let signIn: SignInService
    let audit: AuditService
    let privacy: PrivacyService
    let replies: ReplyTemplateService
    let channels: ChannelService
    let live: LiveService
    let search: SearchService
    let reports: ReportService
    let reportSubscriptions: ReportSubscriptionService
    let knowledge: KnowledgeService
    let problems: ProblemService

    init(store: any HelpdeskStore, clock: AppClock, tokenLifetime: TimeInterval) {
        self.clock = clock
        let readAudit = ReadAudit(store: store)
        tickets = TicketService(store: store, clock: clock, readAudit: readAudit)
        handling = HandlingService(store: store, clock: clock, tickets: tickets)
        directory = DirectoryService(store: store, clock: clock)
        configuration = ConfigurationService(store: store, clock: clock)
        notifications = NotificationService(store: store, clock: clock)
        attachments = AttachmentService(store: store, clock: clock, readAudit: readAudit)
        audit = AuditService(store: store)
        privacy = PrivacyService(store: store, clock: clock, readAudit: readAudit)
        replies = ReplyTemplateService(store: store, clock: clock, tickets: tickets)
        channels = ChannelService(store: store, clock: clock, tickets: tickets)
        signIn = SignInService(store: store, clock: clock, lifetime: tokenLifetime)
        live = LiveService(store: store)
        search = SearchService(store: store, tickets: tickets)
        reports = ReportService(store: store, clock: clock)
        reportSubscriptions = ReportSubscriptionService(store: store, clock: clock)
        knowledge = KnowledgeService(store: store, clock: clock, tickets: tickets)
        problems = ProblemService(store: store, clock: clock, tickets: tickets)
    }
}
