/// `reports.mustache`: the weekly review and the monthly KPIs (R7.1, R7.2) for supervisors,
/// problem managers and admins (the whole desk, or a group) and engineers (their own figures),
/// over ``ReportService`` as `GET /api/v1/reports/…`, with SVG charts and the tracking table's CSV.
struct ReportsPage: PageModel {
    static let template = "reports"

    struct Row: Sendable {
        let label: String
        let current: String
        let previous: String
    }

    struct Chart: Sendable {
        let title: String
        let svg: String
    }

    struct GroupRow: Sendable {
        let name: String
        let tickets: Int
        let resolutionRate: String
        let attainment: String
        let medianResolution: String
    }

    struct Overdue: Sendable {
        let number: String
        let title: String
        let priority: String
        let cause: String
        let handler: String
        let missed: String
    }

    let kinds: [SelectOption]
    let label: String
    let groups: [SelectOption]
    let choosesGroup: Bool
    let error: String?
    let periodTitle: String
    let previousLabel: String
    let hasReport: Bool
    let rows: [Row]
    let charts: [Chart]
    let groupRows: [GroupRow]
    let hasGroupRows: Bool
    let overdue: [Overdue]
    let hasOverdue: Bool
    let overdueNote: String
    let csvLink: String
}
