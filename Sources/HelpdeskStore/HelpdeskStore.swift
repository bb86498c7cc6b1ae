import Foundation
import HelpdeskCore

/// Persistence for the service desk. ``SQLStore`` implements it once for SQLite and
/// PostgreSQL; server tests may substitute their own.
public protocol HelpdeskStore: EngineStore, AttachmentStore, Sendable {
    // Users and API tokens
    func createUser(_ user: User, passwordHash: String, now: Date) async throws -> User
    func updateUser(_ user: User, passwordHash: String?) async throws -> User
    func user(id: Int64) async throws -> User?
    func credentials(username: String) async throws -> (user: User, passwordHash: String)?
    func users(role: Role?, groupId: Int64?) async throws -> [User]
    /// Every non-requester account, active or not: the names a queue or ticket page shows.
    func staff() async throws -> [User]
    func userCount() async throws -> Int
    func storeToken(digest: String, userId: Int64, createdAt: Date, expiresAt: Date) async throws
    func user(tokenDigest: String, now: Date) async throws -> User?
    func revokeToken(digest: String, at: Date) async throws

    // Groups and the category tree
    func groups() async throws -> [SupportGroup]
    func saveGroup(_ group: SupportGroup, now: Date) async throws -> SupportGroup
    func categories() async throws -> [HelpdeskCore.Category]
    func category(id: Int64) async throws -> HelpdeskCore.Category?
    func saveCategory(_ category: HelpdeskCore.Category) async throws -> HelpdeskCore.Category

    // Calendars, SLA policy versions, settings
    func calendars() async throws -> [CalendarRecord]
    func saveCalendar(_ record: CalendarRecord, now: Date) async throws -> CalendarRecord
    func slaPolicies() async throws -> [SLAPolicyRecord]
    func currentSLAPolicy() async throws -> SLAPolicyRecord?
    func addSLAPolicyVersion(name: String, policy: SLAPolicy, calendarId: Int64, by userId: Int64?, now: Date)
        async throws -> SLAPolicyRecord
    func rules(policyId: Int64) async throws -> TicketRules
    func setting<T: Codable & Sendable>(_ key: String, as type: T.Type) async throws -> T?
    func setSetting<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws
    /// The setting's stored value; when absent, stores `value` first. Concurrent first calls
    /// from several instances all get the one value that won.
    func settingOrInsert<T: Codable & Sendable>(_ key: String, _ value: T, now: Date) async throws -> T

    // Tickets
    /// Numbers and inserts a drafted ticket and its first event in one transaction:
    /// the per-scope counter and the insert commit together, so numbers have no gaps.
    func createTicket(_ draft: Ticket, event: TicketEvent, format: TicketNumberFormat, timeZone: TimeZone)
        async throws -> Ticket
    func ticket(number: String) async throws -> Ticket?
    /// Loads the ticket with a row lock, applies `change` and writes the result and its events
    /// in one transaction. Errors thrown by `change` leave the ticket untouched.
    func updateTicket(
        number: String, _ change: @escaping @Sendable (Ticket, TicketRules) throws -> TicketChange
    ) async throws -> TicketChange
    func tickets(_ query: TicketQuery, now: Date) async throws -> TicketPage
    func events(ticketId: Int64, includeInternal: Bool) async throws -> [TicketEvent]
}

public struct CalendarRecord: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var calendar: BusinessCalendar
    public var updatedAt: Date?

    public init(id: Int64 = 0, name: String, calendar: BusinessCalendar, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.calendar = calendar
        self.updatedAt = updatedAt
    }
}

/// One immutable version of the SLA policy (R2.4); tickets reference the version they opened under.
public struct SLAPolicyRecord: Codable, Equatable, Sendable {
    public var id: Int64
    public var version: Int
    public var name: String
    public var policy: SLAPolicy
    public var calendarId: Int64
    public var createdAt: Date
}

public struct TicketQuery: Sendable, Equatable {
    public var scope: Access.ListScope
    public var statuses: [TicketStatus] = []
    public var priorities: [Priority] = []
    public var categoryId: Int64?
    public var groupId: Int64?
    public var assigneeId: Int64?
    /// Only tickets nobody handles yet.
    public var unassigned = false
    public var requesterId: Int64?
    /// Only open tickets past their response or resolution due time.
    public var overdue = false
    /// Substring of the title, or an exact ticket number.
    public var text: String?
    public var limit = 50
    /// Return tickets with ids below this one (the previous page's `nextCursor`).
    public var before: Int64?

    public init(scope: Access.ListScope) { self.scope = scope }
}

public struct TicketPage: Sendable {
    public var tickets: [TicketSummary]
    public var nextCursor: Int64?
}

public enum StoreError: Error, Equatable, Sendable {
    case notFound(String)
    /// A unique value already taken, e.g. a username.
    case duplicate(String)
    case invalidReference(String)
}
