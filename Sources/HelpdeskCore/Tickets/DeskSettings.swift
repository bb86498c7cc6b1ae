/// The desk-wide settings an administrator edits, with their defaults in one place: the
/// ticket number format (R1.4), how long a closed ticket may be reopened (R4.9), and whether
/// webhooks may target internal addresses. The SLA engine's settings are ``SLAEngineSettings``;
/// the priority matrix is versioned on its own (``PriorityMatrixVersion``, R2.4).
public struct DeskSettings: Codable, Equatable, Sendable {
    public var ticketNumberFormat: TicketNumberFormat
    public var reopenWindowDays: Int
    /// Webhooks may target loopback, link-local and private addresses (``InternalAddress``);
    /// off by default, so a webhook cannot reach the server itself or internal services.
    public var allowInternalWebhookTargets: Bool
    /// Requesters also read (never change) the tickets of their own department (R9.1); off by
    /// default, so a requester sees only their own.
    public var requestersSeeDepartment: Bool
    /// A knowledge article is published by a reviewer who wrote none of it (R6.2); on by
    /// default. Off suits a desk of one or two people.
    public var kbSeparateReviewer: Bool
    /// A problem is proposed when this many similar tickets arrive within this many days (R6.3);
    /// 3 in 7 by default (``RecurrenceDetection/Settings``).
    public var problemMinimumTickets: Int
    public var problemWindowDays: Int

    public static let reopenWindowRange = 0...365

    public init(
        ticketNumberFormat: TicketNumberFormat = .default, reopenWindowDays: Int = 7,
        allowInternalWebhookTargets: Bool = false, requestersSeeDepartment: Bool = false,
        kbSeparateReviewer: Bool = true,
        problemMinimumTickets: Int = RecurrenceDetection.Settings.default.minimumTickets,
        problemWindowDays: Int = RecurrenceDetection.Settings.default.windowDays
    ) {
        self.ticketNumberFormat = ticketNumberFormat
        self.reopenWindowDays = reopenWindowDays
        self.allowInternalWebhookTargets = allowInternalWebhookTargets
        self.requestersSeeDepartment = requestersSeeDepartment
        self.kbSeparateReviewer = kbSeparateReviewer
        self.problemMinimumTickets = problemMinimumTickets
        self.problemWindowDays = problemWindowDays
    }

    public static let `default` = DeskSettings()

    public var reopenWindow: Double { Double(reopenWindowDays) * 86_400 }

    /// What recurring-problem detection reads.
    public var problemDetection: RecurrenceDetection.Settings {
        RecurrenceDetection.Settings(minimumTickets: problemMinimumTickets, windowDays: problemWindowDays)
    }
}
