import Foundation

/// Checking and filling in reply templates (R8.1). A placeholder is a name in braces,
/// `{number}`; anything in braces on one line counts, so a typo such as `{due time}` is caught
/// when the template is saved rather than sent to a requester.
public enum ReplyTemplates {
    public static let nameMaxLength = 100
    /// Well under the work log's limit, so that any rendered reply fits in an entry.
    public static let bodyMaxLength = 4000
    /// Written where a ticket has no value for a placeholder (no workaround yet, no handler).
    public static let missing = "—"

    /// The names in braces, each once, in order of first appearance: `{number}` → `number`.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(where: { $0 == "}" || $0 == "{" || $0.isNewline }) else { break }
            if after[close] == "}" {
                let name = String(after[..<close])
                if !name.isEmpty, !names.contains(name) { names.append(name) }
                rest = after[after.index(after: close)...]
            } else {
                rest = after[close...]
            }
        }
        return names
    }

    /// The placeholders of `text` that are not a ``ReplyPlaceholder``, each once.
    public static func unknownPlaceholders(in text: String) -> [String] {
        placeholders(in: text).filter { ReplyPlaceholder(rawValue: $0) == nil }
    }

    /// What the placeholders stand for on `ticket`, as `viewer` may see it: the requester's name
    /// masked per R9.2 unless the viewer has full access, the due time of the target that runs
    /// now (the response until it is met, then the resolution) in the calendar's local time.
    public static func values(
        for ticket: Ticket, viewer: Principal, handler: String?, state: SLAState, calendar: BusinessCalendar
    ) -> [ReplyPlaceholder: String] {
        let shown = Access.presented(ticket, to: viewer)
        let due = state.respondedAt == nil ? state.responseDueAt : state.resolutionDueAt
        return [
            .number: shown.number, .title: shown.title, .requester: shown.requester.name,
            .due: due.map { LocalTimeText.format($0, in: calendar) } ?? missing,
            .workaround: shown.workaround.flatMap { $0.isEmpty ? nil : $0 } ?? missing,
            .handler: handler.flatMap { $0.isEmpty ? nil : $0 } ?? missing,
        ]
    }

    /// `text` with every known placeholder replaced by its value; anything else stays as written.
    public static func render(_ text: String, values: [ReplyPlaceholder: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"),
                let placeholder = ReplyPlaceholder(rawValue: String(after[..<close]))
            {
                result += values[placeholder] ?? missing
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    /// The template in `locale`, filled in for `ticket` as `viewer` sees it at `now`.
    public static func render(
        _ template: ReplyTemplate, locale: String, ticket: Ticket, viewer: Principal, handler: String?,
        rules: TicketRules, now: Date
    ) -> String {
        let state = ticket.sla.state(at: now, policy: rules.policy, calendar: rules.calendar)
        return render(
            template.body(for: locale),
            values: values(for: ticket, viewer: viewer, handler: handler, state: state, calendar: rules.calendar))
    }
}
