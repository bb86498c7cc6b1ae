import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// A weekly or monthly report as the API returns it (see `PeriodReport` in the OpenAPI document).
struct PeriodReportResponse: ResponseEncodable {
    let report: PeriodReport

    init(_ report: PeriodReport) { self.report = report }

    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
}

struct TrackingPageResponse: ResponseEncodable {
    let items: [TrackingRow]
    let nextCursor: String?
}
