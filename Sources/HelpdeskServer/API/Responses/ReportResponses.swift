import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// A weekly or monthly report as the API returns it (see `PeriodReport` in the OpenAPI document).
struct PeriodReportResponse: ResponseEncodable {
    struct Period: Encodable, Sendable {
        let kind: String
        let label: String
        let start: Date
        let end: Date

        init(_ period: ReportPeriod) {
            kind = period.kind.rawValue
            label = period.label
            start = period.start
            end = period.end
        }
    }

    struct Filter: Encodable, Sendable {
        let groupId: Int64?
        let engineerId: Int64?
    }

    let period: Period
    let previousPeriod: Period
    let asOf: Date
    let filter: Filter
    let kpis: KPISet
    let previous: KPISet
    let byType: [String: KPISet]
    let byGroup: [String: KPISet]
    let byEngineer: [String: KPISet]
    let overdue: [OverdueTicket]
    let overdueCount: Int
    let topCategories: [CategoryCount]

    init(_ report: PeriodReport) {
        period = Period(report.period)
        previousPeriod = Period(report.previousPeriod)
        asOf = report.asOf
        filter = Filter(groupId: report.filter.groupId, engineerId: report.filter.engineerId)
        kpis = report.kpis
        previous = report.previous
        byType = report.byType
        byGroup = report.byGroup
        byEngineer = report.byEngineer
        overdue = report.overdue
        overdueCount = report.overdueCount
        topCategories = report.topCategories
    }
}

struct TrackingPageResponse: ResponseEncodable {
    let items: [TrackingRow]
    let nextCursor: String?
}
