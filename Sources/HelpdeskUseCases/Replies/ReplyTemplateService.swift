import Foundation
import HelpdeskCore
import HelpdeskStore

/// Reply templates (R8.1): staff read the library and fill a template in for a ticket,
/// administrators write it. Every save and delete is in the audit log.
public struct ReplyTemplateService: Sendable {
    let store: any HelpdeskStore
    let clock: AppClock
    let tickets: TicketService

    public init(store: any HelpdeskStore, clock: AppClock, tickets: TicketService) {
        self.store = store
        self.clock = clock
        self.tickets = tickets
    }

    /// A template as an admin writes it; absent `active` is true, absent `sortOrder` 0.
    public struct Command: Decodable, Sendable, Equatable {
        public var name: String
        public var nameEn: String?
        public var body: String
        public var bodyEn: String
        public var active: Bool?
        public var sortOrder: Int?

        public init(
            name: String, nameEn: String? = nil, body: String, bodyEn: String, active: Bool? = nil,
            sortOrder: Int? = nil
        ) {
            self.name = name
            self.nameEn = nameEn
            self.body = body
            self.bodyEn = bodyEn
            self.active = active
            self.sortOrder = sortOrder
        }
    }

    /// A template filled in for one ticket, in one language.
    public struct Rendered: Codable, Sendable, Equatable {
        public var templateId: Int64
        public var ticketNumber: String
        public var locale: String
        public var text: String
    }

    public static let sortOrders = 0...100_000

    /// The library, in its order; `activeOnly` for the work-log picker.
    public func list(activeOnly: Bool = false, for user: User) async throws -> [ReplyTemplate] {
        try Authorize.staff(user, "reply_templates")
        let all = try await store.replyTemplates()
        return activeOnly ? all.filter(\.active) : all
    }

    /// Creates (`id` 0) or replaces a template. A body that names a placeholder the desk does not
    /// know is refused with the names, so a typo never reaches a requester.
    public func save(_ id: Int64, _ command: Command, by admin: User) async throws -> ReplyTemplate {
        try Authorize.admin(admin, "reply_templates")
        let template = try Self.validated(command, id: id)
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .replyTemplateSaved,
                target: "reply_template:\((saved as? ReplyTemplate)?.id ?? id)",
                detail: ["name": template.name, "active": String(template.active)])
        }
        return try await AuditTrail.recording(draft) { try await store.saveReplyTemplate(template, now: now) }
    }

    public func delete(_ id: Int64, by admin: User) async throws {
        try Authorize.admin(admin, "reply_templates")
        let entry = AuditEntry(
            at: clock.now(), actor: admin, action: .replyTemplateDeleted, target: "reply_template:\(id)")
        try await AuditTrail.recording(entry) { try await store.deleteReplyTemplate(id: id) }
    }

    /// The template filled in for the ticket as this engineer may see it (the requester's name
    /// masked per R9.2 unless they have full access), in `locale` when given, else in the
    /// requester's language.
    public func render(_ id: Int64, ticket number: String, locale: String? = nil, for user: User) async throws
        -> Rendered
    {
        try Authorize.staff(user, "reply_templates")
        return try await render(id, on: try await tickets.view(number, for: user), locale: locale, for: user)
    }

    /// The same for a ticket already read for this user (the ticket page, which has just
    /// recorded the read in the audit log).
    public func render(_ id: Int64, on view: TicketView, locale: String? = nil, for user: User) async throws
        -> Rendered
    {
        try Authorize.staff(user, "reply_templates")
        if let locale, !User.locales.contains(locale) { throw UseCaseError.invalidValue(field: "locale") }
        guard let template = try await store.replyTemplate(id: id) else {
            throw UseCaseError.notFound(resource: "reply_template")
        }
        let ticket = view.ticket
        var language = locale
        if language == nil, let requesterId = ticket.requester.userId {
            language = try await store.user(id: requesterId)?.locale
        }
        let chosen = language.flatMap { User.locales.contains($0) ? $0 : nil } ?? User.locales[0]
        var handler: String?
        if let assigneeId = ticket.assigneeId { handler = try await store.user(id: assigneeId)?.displayName }
        let text = ReplyTemplates.render(
            template, locale: chosen, ticket: ticket, viewer: user.actor, handler: handler, rules: view.rules,
            now: clock.now())
        return Rendered(templateId: id, ticketNumber: ticket.number, locale: chosen, text: text)
    }

    static func validated(_ command: Command, id: Int64) throws -> ReplyTemplate {
        guard let name = TextInput.clean(command.name, max: ReplyTemplates.nameMaxLength) else {
            throw UseCaseError.invalidValue(field: "name")
        }
        let nameEn = try TextInput.optional(command.nameEn, max: ReplyTemplates.nameMaxLength, field: "nameEn")
        guard let body = TextInput.clean(command.body, max: ReplyTemplates.bodyMaxLength) else {
            throw UseCaseError.invalidValue(field: "body")
        }
        guard let bodyEn = TextInput.clean(command.bodyEn, max: ReplyTemplates.bodyMaxLength) else {
            throw UseCaseError.invalidValue(field: "bodyEn")
        }
        var unknown: [String] = []
        for name in ReplyTemplates.unknownPlaceholders(in: body) + ReplyTemplates.unknownPlaceholders(in: bodyEn)
        where !unknown.contains(name) {
            unknown.append(name)
        }
        guard unknown.isEmpty else { throw UseCaseError.unknownPlaceholders(names: unknown) }
        let sortOrder = command.sortOrder ?? 0
        guard sortOrders.contains(sortOrder) else { throw UseCaseError.invalidValue(field: "sortOrder") }
        return ReplyTemplate(
            id: id, name: name, nameEn: nameEn, body: body, bodyEn: bodyEn, active: command.active ?? true,
            sortOrder: sortOrder)
    }
}
