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

    /// Reads ``text`` of ticket `id` (the row's, not the text's: a ticket resolved as it is
    /// recorded has no id yet when its facts are written); nil for a text of another version
    /// or a damaged one.
    public init?(text: String, id: Int64) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let fields = text.dropFirst(Self.prefix.count).split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 18,
            let submitted = Double(fields[0]),
            let type = TicketType(rawValue: String(fields[1])), let channel = Channel(rawValue: String(fields[2])),
            let priority = Priority(rawValue: String(fields[3])), let tier = Tier(rawValue: String(fields[7])),
            let categoryId = Self.optionalNumber(fields[4]), let groupId = Self.optionalNumber(fields[5]),
            let assigneeId = Self.optionalNumber(fields[6]), let resolved = Self.optionalInstant(fields[9]),
            let response = Self.optionalNumber(fields[10]), let resolution = Self.optionalNumber(fields[11]),
            let responseMet = Self.optionalFlag(fields[12]), let resolutionMet = Self.optionalFlag(fields[13]),
            let satisfaction = Self.satisfaction(fields[15])
        else { return nil }
        var extensions: [ExtensionRequest.Status] = []
        for code in fields[14] {
            guard let status = Self.extensionStatus(code) else { return nil }
            extensions.append(status)
        }
        let flags = fields[8]
        let cause = fields[17]
        self.init(
            facts: TicketFacts(
                id: id, number: Self.unescaped(fields[16]),
                submittedAt: Date(timeIntervalSinceReferenceDate: submitted), type: type,
                channel: channel, priority: priority, categoryId: categoryId, groupId: groupId,
                assigneeId: assigneeId, tier: tier, outOfScope: flags.contains("o"),
                resolvedAt: resolved, firstResponseMinutes: response.map { Int($0) },
                resolutionMinutes: resolution.map { Int($0) }, responseMet: responseMet,
                resolutionMet: resolutionMet, reopened: flags.contains("r"), breached: flags.contains("b"),
                breachCause: cause.first == "=" ? Self.unescaped(cause.dropFirst()) : nil, extensions: extensions,
                satisfaction: satisfaction),
            majorIncident: flags.contains("m"))
    }

    private static func number(_ value: Int64?) -> String { value.map(String.init) ?? "" }

    /// An instant exactly (a `Double`'s description reads back to the same value): the cache
    /// must equal what the ticket's own dates give.
    private static func instant(_ date: Date) -> String { String(date.timeIntervalSinceReferenceDate) }

    private static func optionalInstant(_ field: Substring) -> Date?? {
        if field.isEmpty { return .some(nil) }
        return Double(field).map { .some(Date(timeIntervalSinceReferenceDate: $0)) }
    }

    /// Nil when the field is not a number; `.some(nil)` when it is empty.
    private static func optionalNumber(_ field: Substring) -> Int64?? {
        if field.isEmpty { return .some(nil) }
        return Int64(field).map { .some($0) }
    }

    private static func flag(_ value: Bool?) -> String { value.map { $0 ? "1" : "0" } ?? "" }

    private static func optionalFlag(_ field: Substring) -> Bool?? {
        switch field {
        case "": .some(nil)
        case "1": .some(true)
        case "0": .some(false)
        default: nil
        }
    }

    private static func extensionCode(_ status: ExtensionRequest.Status) -> Character {
        switch status {
        case .pending: "p"
        case .approved: "a"
        case .rejected: "r"
        }
    }

    private static func extensionStatus(_ code: Character) -> ExtensionRequest.Status? {
        switch code {
        case "p": .pending
        case "a": .approved
        case "r": .rejected
        default: nil
        }
    }

    private static func levelCode(_ level: SatisfactionLevel) -> Character {
        switch level {
        case .satisfied: "s"
        case .neutral: "n"
        case .dissatisfied: "d"
        }
    }

    /// The rating (level and score; the comment is not a fact); `.some(nil)` when empty.
    private static func satisfaction(_ field: Substring) -> Satisfaction?? {
        guard let code = field.first else { return .some(nil) }
        let level: SatisfactionLevel
        switch code {
        case "s": level = .satisfied
        case "n": level = .neutral
        case "d": level = .dissatisfied
        default: return nil
        }
        guard let score = Int(field.dropFirst()) else { return nil }
        return .some(Satisfaction(level: level, score: score))
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "|" }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "|", with: "%7C")
    }

    private static func unescaped(_ field: Substring) -> String {
        guard field.contains("%") else { return String(field) }
        return field.replacingOccurrences(of: "%7C", with: "|").replacingOccurrences(of: "%25", with: "%")
    }
}
