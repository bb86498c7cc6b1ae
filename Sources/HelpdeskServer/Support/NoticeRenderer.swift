import Foundation
import HelpdeskCore

/// A notice's title and body in one language, from the catalogue's `notice.<kind>.title|body`
/// templates. Instants in the arguments are shown as local times of the desk's calendar.
struct NoticeRenderer: Sendable {
    let localizer: Localizer
    let timeZone: TimeZone

    /// Arguments holding an ISO 8601 instant.
    static let instantArguments: Set<String> = ["due", "recovery", "resolution_due", "look_at"]
    /// Arguments holding a code with its own catalogue entry, `notice.<argument>.<value>`.
    static let codedArguments: Set<String> = ["cadence", "rule", "decision", "reply_by"]

    func render(kind: String, arguments: [String: String], locale: String) -> (title: String, body: String) {
        var values = arguments
        // How the requester adds to the ticket: on the channel the request came by (an
        // acknowledgement queued before the argument existed came by e-mail).
        if values["reply_by"] == nil { values["reply_by"] = "email" }
        for key in Self.instantArguments {
            if let raw = values[key], let date = try? Date(raw, strategy: .iso8601) {
                values[key] = TimeFormatting.local(date, timeZone)
            }
        }
        for key in Self.codedArguments {
            if let raw = values[key], !raw.isEmpty {
                values[key] = localizer.text("notice.\(key).\(raw)", locale: locale)
            }
        }
        if let priority = values["priority"] { values["priority"] = priority.uppercased() }
        // The acknowledgement's articles (R6.2), one title a line, as a closing paragraph.
        let articles = (values["articles"] ?? "").split(separator: "\n").map { "· " + $0 }
        values["articles"] =
            articles.isEmpty
            ? ""
            : "\n\n" + localizer.text("notice.articles", locale: locale, ["list": articles.joined(separator: "\n")])
        if let fields = values["fields"] {
            values["fields"] = fields.split(separator: ",").map { localizer.text("detail.\($0)", locale: locale) }
                .joined(separator: locale == "en" ? ", " : "、")
        }
        return (
            localizer.text("notice.\(kind).title", locale: locale, values),
            localizer.text("notice.\(kind).body", locale: locale, values)
        )
    }
}
