import Foundation
import HelpdeskCore

/// What the tracking table's exports (CSV, XLSX) show in the reader's language: the column
/// titles (`report.tracking.*`), the statuses, and times in the desk's time zone.
struct TrackingTexts: Sendable {
    static let columns = [
        "number", "submitted", "description", "priority", "group", "engineer", "response_due", "responded",
        "resolved", "status", "satisfaction", "remark",
    ]

    let locale: String
    let statuses: [TicketStatus: String]
    let timeZone: TimeZone
    let titles: [String]
    let sheetTitle: String

    init(localizer: Localizer, locale: String, timeZone: TimeZone) {
        var statuses: [TicketStatus: String] = [:]
        for status in TicketStatus.allCases {
            statuses[status] = localizer.text("status.\(status.rawValue)", locale: locale)
        }
        self.locale = locale
        self.statuses = statuses
        self.timeZone = timeZone
        titles = Self.columns.map { localizer.text("report.tracking.\($0)", locale: locale) }
        sheetTitle = localizer.text("report.tracking.sheet", locale: locale)
    }
}
