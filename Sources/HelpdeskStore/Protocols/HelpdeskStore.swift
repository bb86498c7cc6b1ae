import Foundation
import HelpdeskCore

/// Persistence for the service desk, as the role protocols it is made of. ``SQLStore``
/// implements all of them once for SQLite and PostgreSQL; a use case asks only for the roles
/// it needs.
///
/// The store is also the unit of work of a ticket change: ``TicketStore/updateTicket(number:_:)``
/// loads the ticket with a row lock, applies the domain operation, runs the SLA engine's
/// inline step on the result (escalations due now, notices) and writes ticket, events, timers
/// and outbox rows in one transaction.
public protocol HelpdeskStore: TicketStore, DirectoryStore, ConfigurationStore, EngineStore, NotificationStore,
    AttachmentStore, SignInThrottleStore, AuditStore, ReplyTemplateStore, LiveStore, MailStore, IMStore, SearchStore,
    ReportStore, ReportSubscriptionStore, KnowledgeStore, ProblemStore
{}
