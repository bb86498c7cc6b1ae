import Foundation
import HelpdeskCore
import HelpdeskIM
import HelpdeskMail
import HelpdeskStore

/// Channels as configuration and what came in on them (issue #11): admins create, edit and
/// delete channels (the mailgate's token is shown once, stored as its digest; secrets are
/// write-only), read the quarantine and its raw messages; staff and the ticket's people read a
/// ticket's messages.
public struct ChannelService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService
    let intake: MailIntakeService
    let im: IMIntakeService

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
        self.intake = MailIntakeService(store: store, clock: clock, tickets: tickets)
        self.im = IMIntakeService(store: store, clock: clock, tickets: tickets)
    }

    public struct Command: Decodable, Sendable, Equatable {
        public var kind: IntakeChannel.Kind?
        public var name: String
        public var settings: ChannelSettings?
        public var active: Bool?

        public init(kind: IntakeChannel.Kind?, name: String, settings: ChannelSettings? = nil, active: Bool? = nil) {
            self.kind = kind
            self.name = name
            self.settings = settings
            self.active = active
        }
    }

    /// A channel as read: settings without secrets, which secrets are set, its health; an IM
    /// channel's callback path (what the platform's console is given).
    public struct View: Encodable, Sendable, Equatable {
        public var id: Int64
        public var kind: IntakeChannel.Kind
        public var name: String
        public var settings: ChannelSettings
        public var hasPassword: Bool
        public var secretsSet: [String]
        public var callbackPath: String?
        public var active: Bool
        public var lastSuccessAt: Date?
        public var lastErrorAt: Date?
        public var lastError: String?
        public var receivedCount: Int
        public var quarantinedCount: Int
        public var sentCount: Int
        /// Only in the answer to creating a mailgate channel: never shown again.
        public var token: String?
    }

    public func list(by user: User) async throws -> [View] {
        try Authorize.admin(user, "channels")
        return try await store.channels().map { try Self.view($0) }
    }

    public func create(_ command: Command, by user: User) async throws -> View {
        try Authorize.admin(user, "channels")
        guard let kind = command.kind else { throw UseCaseError.fieldRequired(field: "kind") }
        let name = try Self.name(command.name)
        let settings = try await checked(command.settings ?? ChannelSettings(), kind: kind)
        let token = kind == .mailgate ? Tokens.generate() : nil
        let channel = try await store.createChannel(
            kind: kind, name: name, settings: try Self.json(settings), tokenDigest: token.map(Tokens.digest),
            now: clock.now())
        var view = try Self.view(channel)
        view.token = token
        return view
    }

    /// A secret left out keeps the stored one (secrets are write-only), unless the update moves
    /// an IM channel to another API base URL: the secrets would go to that host, so they are
    /// entered again.
    public func update(_ id: Int64, _ command: Command, by user: User) async throws -> View {
        try Authorize.admin(user, "channels")
        guard let current = try await store.channel(id: id) else { throw UseCaseError.notFound(resource: "channel") }
        if let kind = command.kind, kind != current.kind { throw UseCaseError.invalidValue(field: "kind") }
        let stored = try Self.settings(current)
        var written = command.settings ?? ChannelSettings()
        if Self.normalizedBase(written.apiBaseUrl) == Self.normalizedBase(stored.apiBaseUrl) {
            written = written.keepingSecrets(of: stored)
        }
        let settings = try await checked(written, kind: current.kind)
        return try Self.view(
            try await store.updateChannel(
                id: id, name: try Self.name(command.name), settings: try Self.json(settings),
                active: command.active ?? current.active, now: clock.now()))
    }

    public func delete(_ id: Int64, by user: User) async throws {
        try Authorize.admin(user, "channels")
        do {
            try await store.deleteChannel(id: id)
        } catch StoreError.notFound {
            throw UseCaseError.notFound(resource: "channel")
        }
    }

    /// The mailgate's post: the channel its token opens takes the raw message. Unknown or
    /// revoked tokens and a channel id that is not the token's are one answer (not found).
    public func mailgate(channelId: Int64, token: String, raw: [UInt8]) async throws -> (
        RawMailReceipt, MailIntakeOutcome
    ) {
        guard let channel = try await store.channel(tokenDigest: Tokens.digest(token)), channel.id == channelId,
            channel.kind == .mailgate
        else { throw UseCaseError.notFound(resource: "channel") }
        guard !raw.isEmpty else { throw UseCaseError.fieldRequired(field: "message") }
        return try await intake.take(raw, channelId: channel.id)
    }

    /// An IM platform's callback on an IM channel: verified and stored before it is answered
    /// (``IMIntakeService``); the stored message is then ``process(_:)``ed off the request.
    public func callback(channelId: Int64, _ request: IMRequest) async throws -> IMIntakeService.Receipt {
        try await im.receive(channelId: channelId, request)
    }

    /// An IM channel's ids and secrets, for the server's sender only.
    public static func credentials(of channel: IntakeChannel) throws -> IMCredentials {
        try settings(channel).credentials
    }

    // MARK: IMAP polling (the background poller)

    /// An IMAP channel whose poll this instance claimed, with its settings (password included:
    /// only the poller reads it).
    public struct Poll: Sendable {
        public var channel: IntakeChannel
        public var settings: ChannelSettings
    }

    /// The active IMAP channels due now, each claimed for this instance until its next poll
    /// (instances on one database take turns; a duplicate fetch is still recognised).
    public func claimPolls() async throws -> [Poll] {
        let now = clock.now()
        var polls: [Poll] = []
        for channel in try await store.channels() where channel.kind == .imap && channel.active {
            let settings = try Self.settings(channel)
            let next = now.addingTimeInterval(TimeInterval(settings.pollSeconds ?? 60))
            if try await store.claimChannelPoll(id: channel.id, now: now, next: next) {
                polls.append(Poll(channel: channel, settings: settings))
            }
        }
        return polls
    }

    /// Stores one fetched message (committed before the poller marks it read on the server).
    public func receive(_ raw: [UInt8], on channelId: Int64) async throws -> RawMailReceipt {
        try await intake.receive(raw, channelId: channelId)
    }

    /// Makes a stored message a ticket or a reply; a duplicate already processed is skipped.
    public func process(_ receipt: RawMailReceipt) async throws -> MailIntakeOutcome {
        try await intake.process(messageId: receipt.messageId)
    }

    /// The poll's outcome, shown as the channel's health.
    public func recordPoll(_ channelId: Int64, error: String?) async throws {
        try await store.recordChannelPoll(id: channelId, error: error, now: clock.now())
    }

    /// Messages stored at least `age` ago and never processed (their taker stopped between
    /// the two steps): processed now.
    @discardableResult
    public func processLeftovers(olderThan age: TimeInterval = 60) async throws -> [MailIntakeOutcome] {
        try await intake.processPending(limit: 100, receivedBefore: clock.now().addingTimeInterval(-age))
    }

    public func quarantine(by user: User) async throws -> [MailMessage] {
        try Authorize.admin(user, "mail_quarantine")
        return try await store.quarantinedMail(limit: 500)
    }

    public func raw(_ id: Int64, by user: User) async throws -> [UInt8] {
        try Authorize.admin(user, "mail_quarantine")
        guard let raw = try await store.rawMail(messageId: id) else {
            throw UseCaseError.notFound(resource: "mail_message")
        }
        return raw
    }

    public func reprocess(_ id: Int64, by user: User) async throws -> MailIntakeOutcome {
        try await intake.reprocess(messageId: id, by: user)
    }

    /// The messages of a ticket its reader may see (R9.1: the ticket's own access rule).
    public func messages(_ number: String, for user: User) async throws -> [MailMessage] {
        try await messages(of: try await tickets.visibleTicket(number, for: user))
    }

    /// The messages of a ticket the caller has already read through ``TicketService`` (the
    /// ticket page), as ``AttachmentService/attachments(of:)`` takes the ticket's files.
    public func messages(of ticket: Ticket) async throws -> [MailMessage] {
        try await store.mailMessages(ticketId: ticket.id)
    }

    /// A message's HTML body for display: sanitised again, each inline image shown from the
    /// ticket's file of the same name and size (intake stored it there), at `link`.
    public static func html(of message: MailMessage, files: [Attachment], link: (Attachment) -> String) -> String? {
        guard let html = message.html else { return nil }
        var images: [String: String] = [:]
        for file in message.attachments {
            guard let cid = file.contentId,
                let stored = files.first(where: { $0.filename == file.name && $0.size == file.size })
            else { continue }
            images[cid] = link(stored)
        }
        return HTMLSanitizer.sanitize(html) { images[$0] }
    }

    static func name(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw UseCaseError.fieldRequired(field: "name") }
        guard name.count <= 100 else { throw UseCaseError.invalidValue(field: "name") }
        return name
    }

    func checked(_ settings: ChannelSettings, kind: IntakeChannel.Kind) async throws -> ChannelSettings {
        if let hours = settings.serviceHours, hours != "24x7" {
            throw UseCaseError.invalidValue(field: "settings.serviceHours")
        }
        if let id = settings.calendarId, try await !store.calendars().contains(where: { $0.id == id }) {
            throw UseCaseError.invalidReference(field: "settings.calendarId")
        }
        if kind.isIM, let host = settings.apiBaseUrl.flatMap(URL.init(string:))?.host,
            InternalAddress.isInternal(host: host), try await !store.deskSettings().allowInternalWebhookTargets
        {
            throw UseCaseError.internalAddress(field: "settings.apiBaseUrl")
        }
        var copy = try Self.checked(settings, kind: kind)
        copy.serviceHours = settings.serviceHours
        copy.calendarId = settings.serviceHours == nil ? settings.calendarId : nil
        return copy
    }

    static func checked(_ settings: ChannelSettings, kind: IntakeChannel.Kind) throws -> ChannelSettings {
        if kind.isIM { return try checkedIM(settings, kind: kind) }
        guard kind == .imap else { return ChannelSettings() }
        guard let host = settings.host?.trimmingCharacters(in: .whitespaces), !host.isEmpty, host.count <= 255 else {
            throw UseCaseError.fieldRequired(field: "settings.host")
        }
        guard ["tls", "starttls"].contains(settings.security ?? "tls") else {
            throw UseCaseError.invalidValue(field: "settings.security")
        }
        guard (1...65535).contains(settings.port ?? 993) else {
            throw UseCaseError.invalidValue(field: "settings.port")
        }
        guard (10...86_400).contains(settings.pollSeconds ?? 60) else {
            throw UseCaseError.invalidValue(field: "settings.pollSeconds")
        }
        guard settings.username?.isEmpty == false else { throw UseCaseError.fieldRequired(field: "settings.username") }
        for (field, folder) in [("settings.folder", settings.folder), ("settings.moveTo", settings.moveTo)] {
            guard let folder else { continue }
            let trimmed = folder.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 })
            else { throw UseCaseError.invalidValue(field: field) }
        }
        var copy = ChannelSettings(
            host: host, port: settings.port, security: settings.security, username: settings.username,
            password: settings.password, folder: settings.folder, pollSeconds: settings.pollSeconds)
        copy.moveTo = settings.moveTo?.trimmingCharacters(in: .whitespaces)
        copy.security = settings.security ?? "tls"
        copy.port = settings.port ?? (copy.security == "tls" ? 993 : 143)
        copy.folder = settings.folder ?? "INBOX"
        copy.pollSeconds = settings.pollSeconds ?? 60
        return copy
    }

    /// An API base URL as compared on update: none is the platform's default.
    static func normalizedBase(_ raw: String?) -> String {
        let trimmed = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
    }

    static func json(_ settings: ChannelSettings) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(settings), as: UTF8.self)
    }

    static func settings(_ channel: IntakeChannel) throws -> ChannelSettings {
        try JSONDecoder().decode(ChannelSettings.self, from: Data(channel.settings.utf8))
    }

    static func view(_ channel: IntakeChannel) throws -> View {
        let settings = try settings(channel)
        return View(
            id: channel.id, kind: channel.kind, name: channel.name, settings: settings.redacted,
            hasPassword: settings.password?.isEmpty == false, secretsSet: settings.secretsSet,
            callbackPath: channel.kind.isIM ? "/api/v1/channels/\(channel.id)/events" : nil, active: channel.active,
            lastSuccessAt: channel.lastSuccessAt, lastErrorAt: channel.lastErrorAt, lastError: channel.lastError,
            receivedCount: channel.receivedCount, quarantinedCount: channel.quarantinedCount,
            sentCount: channel.sentCount, token: nil)
    }
}
