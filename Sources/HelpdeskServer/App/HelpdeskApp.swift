import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird
import Logging
import ServiceLifecycle

/// Wires the router: error rendering, token authentication and every route group.
public enum HelpdeskApp {
    public static func router(
        store: any HelpdeskStore, clock: AppClock = .system, localizer: Localizer, tokenLifetimeHours: Int = 168,
        simulatedClock: SimulatedClock? = nil, web: WebOptions = WebOptions()
    ) -> Router<HelpdeskRequestContext> {
        let clock = simulatedClock?.appClock ?? clock
        let services = UseCases(store: store, clock: clock, tokenLifetime: Double(tokenLifetimeHours) * 3600)
        // HEAD answers wherever GET does (RFC 9110 §9.3.2): `curl -I` shows a page's real headers.
        let router = Router(context: HelpdeskRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Outermost, so error responses carry the headers too.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(localizer: localizer))
        router.get("health") { _, _ in "ok" }
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in try OpenAPIDocument.response() }
        let authenticated = api.add(middleware: TokenAuthMiddleware(signIn: services.signIn))
        let presenter = TicketPresenter(clock: clock)
        AuthRoutes(signIn: services.signIn).register(on: authenticated)
        TicketRoutes(
            tickets: services.tickets, knowledge: services.knowledge, presenter: presenter, localizer: localizer
        )
        .register(on: authenticated)
        EngineRoutes(handling: services.handling, presenter: presenter).register(on: authenticated)
        RetrospectiveRoutes(handling: services.handling).register(on: authenticated)
        NotificationRoutes(
            notifications: services.notifications, texts: NoticeTexts(store: store, localizer: localizer)
        )
        .register(on: authenticated)
        DirectoryRoutes(directory: services.directory, privacy: services.privacy).register(on: authenticated)
        ConfigRoutes(configuration: services.configuration).register(on: authenticated)
        AuditRoutes(audit: services.audit).register(on: authenticated)
        ReplyTemplateRoutes(replies: services.replies).register(on: authenticated)
        ChannelRoutes(channels: services.channels).register(on: authenticated, mailgate: api)
        SearchRoutes(search: services.search, knowledge: services.knowledge).register(on: authenticated)
        KnowledgeRoutes(knowledge: services.knowledge).register(on: authenticated)
        ProblemRoutes(problems: services.problems).register(on: authenticated)
        ReportRoutes(reports: services.reports, localizer: localizer).register(on: authenticated)
        ReportSubscriptionRoutes(subscriptions: services.reportSubscriptions).register(on: authenticated)
        simulatedClock?.register(on: authenticated)
        WebUI.register(on: router, services: services, store: store, localizer: localizer, options: web)
        // Last, so that it wraps only the not-found responder.
        router.add(middleware: MethodNotAllowedMiddleware(routes: RouteMethods(router.routes)))
        return router
    }

    /// Opens the configured database. PostgreSQL's client is returned as a service to run.
    public static func openDatabase(_ config: ServerConfiguration, logger: Logger) async throws
        -> (database: any Database, services: [any Service])
    {
        if let url = config.databaseURL {
            let database = try PostgresDatabase(url: url, logger: logger)
            return (database, [database])
        }
        try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        return (try await SQLiteDatabase.open(path: config.sqlitePath, logger: logger), [])
    }

    /// Opens the database for a one-off command (migrate, create-user), running PostgreSQL's
    /// client while `body` works, and closes it whether `body` succeeds or throws.
    public static func withDatabase(
        _ config: ServerConfiguration, _ body: (any Database, ServerConfiguration) async throws -> Void
    ) async throws {
        let logger = Logger(label: "helpdesk")
        let (database, _) = try await openDatabase(config, logger: logger)
        let runner = Task { if let postgres = database as? PostgresDatabase { try await postgres.run() } }
        defer { runner.cancel() }
        do {
            if let postgres = database as? PostgresDatabase { try await postgres.checkConnection() }
            try await body(database, config)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    /// Migrates, then seeds an empty database. The admin password comes from the configuration
    /// or is generated and printed once.
    public static func prepare(
        _ database: any Database, store: any HelpdeskStore, config: ServerConfiguration, logger: Logger,
        announcer: Announcer = .standardOutput
    ) async throws {
        if let postgres = database as? PostgresDatabase { try await postgres.checkConnection() }
        let ran = try await Migrations.run(on: database)
        if !ran.isEmpty { logger.info("applied migrations", metadata: ["versions": "\(ran)"]) }
        try await indexUnindexedTickets(store, logger: logger)
        try await indexStoredAttachments(store, logger: logger)
        try await fillReportColumns(store, logger: logger)
        guard try await store.userCount() == 0 else {
            // A desk from before reply templates gets the default ones once.
            try await Seeder.seedReplyTemplates(store, now: Date())
            return
        }
        let password = config.adminPassword ?? Tokens.generate().prefix(16).description
        let seeded: Bool
        do {
            seeded = try await Seeder.seedIfEmpty(
                store, adminPasswordHash: try await PasswordHashing.hash(password), now: Date())
        } catch {
            // Several instances started together on an empty PostgreSQL database: the one that
            // created `admin` first seeds, the others go on serving.
            guard try await store.userCount() > 0 else { throw error }
            logger.info("another instance is seeding the database")
            return
        }
        if seeded, config.adminPassword == nil {
            announcer.say("Created user 'admin' with password: \(password)  (shown once; change it after signing in)")
        } else if seeded {
            logger.info("created user 'admin' with the password from HELPDESK_ADMIN_PASSWORD")
        }
    }

    /// Fills the report columns (M021) of the tickets from before them, a batch per transaction
    /// (an interrupted run goes on at the next start); a desk that has them all reads one row.
    public static func fillReportColumns(_ store: any HelpdeskStore, logger: Logger) async throws {
        try await fillBatches("the report columns", logger: logger) { try await store.fillReportColumns(limit: $0) }
    }

    /// Stores the facts (M028) of the resolved tickets that have none, the same way (`migrate`,
    /// and ``ReportFactsFiller`` while a server runs); returns how many it filled.
    @discardableResult
    public static func fillReportFacts(_ store: any HelpdeskStore, logger: Logger) async throws -> Int {
        try await fillBatches("the report facts", logger: logger) { try await store.fillReportFacts(limit: $0) }
    }

    /// Runs `fill` a batch of 1 000 at a time until a batch comes short or the service is
    /// shutting down, logging the progress; returns how many rows it filled.
    @discardableResult
    static func fillBatches(_ what: String, logger: Logger, _ fill: (Int) async throws -> Int) async throws -> Int {
        var filled = 0
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let batch = try await fill(1000)
            filled += batch
            if batch < 1000 { break }
            if filled % 50_000 == 0 { logger.info("filling \(what)", metadata: ["tickets": "\(filled)"]) }
        }
        if filled > 0 { logger.info("filled \(what)", metadata: ["tickets": "\(filled)"]) }
        return filled
    }

    /// Puts the tickets from before the search index (M015) into it, a batch per transaction
    /// (an interrupted run goes on at the next start); a desk that has them all only counts.
    public static func indexUnindexedTickets(_ store: any HelpdeskStore, logger: Logger) async throws {
        guard try await !store.searchIndexIsComplete() else { return }
        var cursor: Int64 = 0
        var batches = 0
        while let last = try await store.indexUnindexedTickets(after: cursor, limit: SQLStore.indexBatch) {
            cursor = last
            batches += 1
            if batches % 50 == 0 { logger.info("indexing tickets for search", metadata: ["upTo": "\(last)"]) }
        }
        if batches > 0 { logger.info("indexed tickets for search", metadata: ["upTo": "\(cursor)"]) }
    }

    /// Reads the files stored before attachment words were indexed (M026), a few per
    /// transaction; an interrupted run goes on at the next start, a desk that has read them
    /// all reads one setting.
    public static func indexStoredAttachments(_ store: any HelpdeskStore, logger: Logger) async throws {
        var batches = 0
        while try await store.examineAttachmentsForSearch(
            limit: 20,
            reading: { file, data in
                AttachmentDecoding.text(filename: file.filename, contentType: file.contentType, data: data)
            })
        {
            batches += 1
            if batches % 50 == 0 {
                logger.info("indexing attachments for search", metadata: ["files": "\(batches * 20)"])
            }
        }
    }

    /// The SLA scheduler with the webhook channel, and e-mail when SMTP is configured.
    static func scheduler(
        store: any HelpdeskStore, clock: AppClock, config: ServerConfiguration, localizer: Localizer, logger: Logger
    ) -> SLAScheduler {
        var channels: [Delivery.Channel: any DeliveryChannel] = [
            .webhook: WebhookChannel(store: store, timeout: config.webhookTimeoutSeconds, now: { clock.now() }),
            .im: IMChannel(
                store: store, localizer: localizer, timeout: config.webhookTimeoutSeconds, tokens: IMTokenCache(),
                now: { clock.now() }),
        ]
        if let smtp = config.smtp {
            channels[.email] = EmailChannel(
                client: SMTPClient(configuration: smtp), store: store, localizer: localizer,
                mailOut: MailOutService(store: store, clock: clock), now: { clock.now() })
        }
        return SLAScheduler(
            store: store, clock: clock, interval: .milliseconds(config.schedulerIntervalMilliseconds),
            channels: channels, logger: logger)
    }

    /// The IMAP channels' poller and the pass over stored, unprocessed mail, every 5 s (each
    /// channel is read at its own `pollSeconds`).
    static func imapPoller(store: any HelpdeskStore, clock: AppClock, config: ServerConfiguration, logger: Logger)
        -> IMAPPoller
    {
        let tickets = TicketService(store: store, clock: clock, readAudit: ReadAudit(store: store))
        return IMAPPoller(
            channels: ChannelService(store: store, clock: clock, tickets: tickets),
            trustRootsFile: config.imapTrustRootsFile, interval: .seconds(5), logger: logger)
    }

    /// Scheduled report e-mail, every 30 s; the SLA scheduler's delivery step sends the mail.
    /// Without SMTP there is none: due runs wait, and once mail is configured each sends its
    /// last ended period once.
    static func reportMailer(store: any HelpdeskStore, clock: AppClock, localizer: Localizer, logger: Logger) throws
        -> ReportMailScheduler
    {
        ReportMailScheduler(
            subscriptions: ReportSubscriptionService(store: store, clock: clock),
            text: ReportMailText(
                renderer: try WebRenderer(localizer: localizer),
                directory: DirectoryService(store: store, clock: clock),
                now: { clock.now() }),
            interval: .seconds(30), logger: logger)
    }

    /// The whole server: database, migrations, seed, HTTP on the configured host and port.
    public static func run(_ config: ServerConfiguration) async throws {
        let logger = {
            var logger = Logger(label: "helpdesk")
            logger.logLevel = config.logLevel
            return logger
        }()
        let (database, services) = try await openDatabase(config, logger: logger)
        let store = SQLStore(database: database)
        let localizer = try Localizer.bundled()
        let simulated = config.simulatedClockStart.map(SimulatedClock.init(start:))
        let router = router(
            store: store, localizer: localizer, tokenLifetimeHours: config.tokenLifetimeHours,
            simulatedClock: simulated, web: config.web)
        let ready = StartGate()
        if let start = config.simulatedClockStart {
            logger.warning("simulated clock: time starts at \(start) and moves only via PUT /api/v1/admin/clock")
        }
        var app = Application(
            router: router, configuration: .init(address: .hostname(config.host, port: config.port)), logger: logger)
        app.addServices(services)
        if config.schedulerEnabled {
            let scheduler = scheduler(
                store: store, clock: simulated?.appClock ?? .system, config: config, localizer: localizer,
                logger: logger)
            app.addServices(GatedService(gate: ready, service: scheduler))
            app.addServices(
                GatedService(
                    gate: ready,
                    service: imapPoller(
                        store: store, clock: simulated?.appClock ?? .system, config: config, logger: logger)))
            let clock = simulated?.appClock ?? .system
            let problems = ProblemService(
                store: store, clock: clock,
                tickets: TicketService(store: store, clock: clock, readAudit: ReadAudit(store: store)))
            app.addServices(
                GatedService(
                    gate: ready,
                    service: ProblemDetectionScheduler(problems: problems, interval: .seconds(60), logger: logger)))
            app.addServices(
                GatedService(
                    gate: ready, service: ReportFactsFiller(store: store, interval: .seconds(60), logger: logger)))
            if config.smtp != nil {
                let mailer = try reportMailer(
                    store: store, clock: simulated?.appClock ?? .system, localizer: localizer, logger: logger)
                app.addServices(GatedService(gate: ready, service: mailer))
            }
        }
        app.beforeServerStarts {
            try await prepare(database, store: store, config: config, logger: logger)
            await ready.open()
        }
        do {
            try await app.runService()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
