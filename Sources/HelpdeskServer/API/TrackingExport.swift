import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// The tracking table's downloads, for the API (`format=csv|xlsx`) and the web UI
/// (`/reports/tracking.csv|.xlsx`) alike.
enum TrackingExport: String {
    case csv
    case xlsx

    /// The caller and the query are checked first, so a refusal (role, period) is a normal error
    /// response, not a broken download.
    func response(
        reports: ReportService, _ input: TrackingInput, user: User, localizer: Localizer, locale: String
    ) async throws -> Response {
        var input = input
        input.locale = locale
        _ = try await reports.trackingQuery(input, for: user)
        let texts = TrackingTexts(localizer: localizer, locale: locale, timeZone: try await reports.timeZone())
        switch self {
        case .csv: return try await TrackingCSV.response(reports: reports, input, user: user, texts: texts)
        case .xlsx: return try await TrackingXLSX.response(reports: reports, input, user: user, texts: texts)
        }
    }
}
