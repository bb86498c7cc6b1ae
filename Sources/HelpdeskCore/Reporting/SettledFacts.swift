import Foundation

/// A resolved ticket's ``TicketFacts``, which no longer change as time passes, kept beside the
/// ticket so that a report reads one short line instead of decoding the ticket and walking its
/// business calendar (issue #13: a month of 40 000 tickets in under a second).
///
/// It is a cache, never a second truth: the facts are those ``TicketFacts`` computes at any
/// instant after the resolution, and the store writes them with every write of the ticket
/// (none while it is open, as its facts still depend on the report's instant) and drops them
/// when the ticket's calendar changes.
public struct SettledFacts: Equatable, Sendable {
    public var facts: TicketFacts
    /// The ticket is a major incident (listed in the period's report).
    public var majorIncident: Bool

    public init(facts: TicketFacts, majorIncident: Bool) {
        self.facts = facts
        self.majorIncident = majorIncident
    }

    /// The facts of a resolved ticket; nil while it is open.
    public init?(ticket: Ticket, policy: SLAPolicy, calendar: BusinessCalendar) {
        guard let resolvedAt = ticket.sla.resolvedAt else { return nil }
        self.init(
            facts: TicketFacts(ticket: ticket, policy: policy, calendar: calendar, at: resolvedAt),
            majorIncident: ticket.majorIncident == true)
    }

    /// What the text starts with; a change of the fields is a new prefix (and a migration that
    /// clears the stored texts), and a text with another one is not read.
    public static let prefix = "f1|"
}

// MARK: - The stored text

extension SettledFacts {
    /// One line of `|`-separated fields after ``prefix``; `%` and `|` in the two free texts
    /// (number and cause) are percent-escaped.
    public var text: String {
        let f = facts
        var flags = ""
        if f.outOfScope { flags += "o" }
        if f.reopened { flags += "r" }
        if f.breached { flags += "b" }
        if majorIncident { flags += "m" }
        let fields: [String] = [
            Self.instant(f.submittedAt), f.type.rawValue, f.channel.rawValue,
            f.priority.rawValue, Self.number(f.categoryId), Self.number(f.groupId), Self.number(f.assigneeId),
            f.tier.rawValue, flags, f.resolvedAt.map(Self.instant) ?? "",
            f.firstResponseMinutes.map(String.init) ?? "", f.resolutionMinutes.map(String.init) ?? "",
            Self.flag(f.responseMet), Self.flag(f.resolutionMet),
            String(f.extensions.map { Self.extensionCode($0) }),
            f.satisfaction.map { "\(Self.levelCode($0.level))\($0.score)" } ?? "",
            Self.escaped(f.number), f.breachCause.map { "=" + Self.escaped($0) } ?? "",
        ]
        return Self.prefix + fields.joined(separator: "|")
    }

    private static func number(_ value: Int64?) -> String { value.map(String.init) ?? "" }

    /// An instant exactly (a `Double`'s description reads back to the same value): the cache
    /// must equal what the ticket's own dates give.
    private static func instant(_ date: Date) -> String { String(date.timeIntervalSinceReferenceDate) }

    private static func flag(_ value: Bool?) -> String { value.map { $0 ? "1" : "0" } ?? "" }

    private static func extensionCode(_ status: ExtensionRequest.Status) -> Character {
        switch status {
        case .pending: "p"
        case .approved: "a"
        case .rejected: "r"
        }
    }

    private static func levelCode(_ level: SatisfactionLevel) -> Character {
        switch level {
        case .satisfied: "s"
        case .neutral: "n"
        case .dissatisfied: "d"
        }
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "|" }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "|", with: "%7C")
    }
}
