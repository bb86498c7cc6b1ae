import Foundation
import HelpdeskCore

/// Where a report's number leads: `/reports/tickets`, the tracking table of the number's own
/// period and group narrowed to its figure, so the list's length is the number.
struct FigureLinks {
    let groupId: Int64?

    func href(_ period: ReportPeriod, _ figure: ReportFigure) -> String {
        Self.href("/reports/tickets", from: period.start, until: period.end, groupId: groupId, figure: figure)
    }

    /// `path` with the tracking table's query: the period, the group and the figure.
    static func href(_ path: String, from: Date, until: Date, groupId: Int64?, figure: ReportFigure?) -> String {
        var query = "from=\(escape(JSONWriter.iso8601(from)))&until=\(escape(JSONWriter.iso8601(until)))"
        if let groupId { query += "&groupId=\(groupId)" }
        if let figure { query += "&figure=" + escape(figure.text) }
        return path + "?" + query
    }

    /// Percent-encodes everything but the characters a query value may carry as they are.
    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    private static let allowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
