import HelpdeskCore

/// A figure's name as the drill-down page's heading, in the reader's language, with the
/// directory's names for the ids a volume figure carries.
struct FigureTitle {
    let views: TicketViews

    func text(_ figure: ReportFigure) -> String {
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { views.t(key, arguments) }
        switch figure {
        case .backlog(let bucket):
            return t("ui.reports.figure.backlog", ["age": t("ui.reports.age.\(bucket)")])
        case .breachCause(let cause):
            let named = cause == "unrecorded" ? t("ui.reports.cause_unrecorded") : cause
            return t("ui.reports.figure.breach_cause", ["cause": named])
        case .escalated(let tier):
            return t("ui.reports.figure.escalated", ["tier": tier.rawValue])
        case .satisfaction(let level):
            return t("ui.reports.figure.satisfaction", ["level": t("ui.satisfaction.\(level.rawValue)")])
        case .volume(let dimension, let key):
            return t(
                "ui.reports.figure.volume",
                ["dimension": t("ui.reports.dimension.\(dimension)"), "value": value(dimension, key)])
        default:
            return t("ui.reports.figure." + Self.snakeCased(figure.text))
        }
    }

    /// The name of a volume key: a channel, type, priority, or a category, group or engineer id.
    func value(_ dimension: String, _ key: String) -> String {
        if key == "none" { return views.t("ui.reports.none") }
        let id = Int64(key)
        let named: String? =
            switch dimension {
            case "channel": Channel(rawValue: key).map { views.t("ui.channel.\($0.rawValue)") }
            case "type": TicketType(rawValue: key).map { views.t("ui.type.\($0.rawValue)") }
            case "category": id.map(views.categoryName)
            case "group": id.map(views.groupName)
            case "engineer": id.map(views.userName)
            default: nil
            }
        return named.flatMap { $0.isEmpty ? nil : $0 } ?? key
    }

    /// `firstResponseMeasured` → `first_response_measured`, as the catalogue's keys are written.
    static func snakeCased(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
