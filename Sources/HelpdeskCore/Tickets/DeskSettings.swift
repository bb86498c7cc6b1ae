/// The desk-wide settings an administrator edits, with their defaults in one place: the
/// ticket number format (R1.4), the priority matrix (R2.3) and how long a closed ticket may be
/// reopened (R4.9). The SLA engine's settings are ``SLAEngineSettings``.
public struct DeskSettings: Codable, Equatable, Sendable {
    public var ticketNumberFormat: TicketNumberFormat
    public var priorityMatrix: PriorityMatrix
    public var reopenWindowDays: Int

    public static let reopenWindowRange = 0...365

    public init(
        ticketNumberFormat: TicketNumberFormat = .default, priorityMatrix: PriorityMatrix = .default,
        reopenWindowDays: Int = 7
    ) {
        self.ticketNumberFormat = ticketNumberFormat
        self.priorityMatrix = priorityMatrix
        self.reopenWindowDays = reopenWindowDays
    }

    public static let `default` = DeskSettings()

    public var reopenWindow: Double { Double(reopenWindowDays) * 86_400 }
}
