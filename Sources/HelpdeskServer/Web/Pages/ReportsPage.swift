/// `reports.mustache`: the weekly review and the monthly KPIs (R7.1, R7.2) for supervisors,
/// problem managers and admins (the whole desk, or a group) and engineers (their own figures),
/// over ``ReportService`` as `GET /api/v1/reports/…`, with SVG charts and the tracking table's CSV.
struct ReportsPage: PageModel {
    static let template = "reports"

    /// A link to the ticket list a number counts (a figure's drill-down).
    struct Link: Sendable {
        let text: String
        let href: String
    }

    /// One figure of one period: the number, a link where it is a count, and for a rate or a
    /// time the count and what it is counted of, each linked too.
    struct Cell: Sendable {
        let text: String
        let href: String?
        let count: Link?
        let of: Link?
        /// Stored: the templates see stored properties only.
        let hasDetail: Bool

        init(text: String, href: String? = nil, count: Link? = nil, of: Link? = nil) {
            self.text = text
            self.href = href
            self.count = count
            self.of = of
            hasDetail = count != nil || of != nil
        }
    }

    struct Row: Sendable {
        let id: String
        let label: String
        let current: Cell
        let previous: Cell
        /// This period minus the previous one (`+3`, `−1.5 pp`, `+15 分`); empty where either is unknown.
        let change: String
    }

    struct Chart: Sendable {
        let title: String
        let svg: String
    }

    struct GroupRow: Sendable {
        let name: String
        let tickets: Link
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
    /// Every breached ticket of the period, not only the first 200 listed here.
    var overdueLink = ""
    var csvLink = ""
    var xlsxLink = ""
    /// The period's major incidents, each linked to its retrospective (R7.4).
    struct MajorIncident: Sendable {
        let number: String
        let title: String
        let priority: String
        let status: String
        let submitted: String
    }

    var majorIncidents: [MajorIncident] = []
    var hasMajorIncidents = false
    /// The problems holding most of the period's tickets (R6.3, R7.1), each with its retrospective.
    struct RecurringProblem: Sendable {
        let id: Int64
        let title: String
        let status: String
        /// "5 this period, 8 in all".
        let tickets: String
    }

    var recurringProblems: [RecurringProblem] = []
    var hasRecurringProblems = false
    /// The reader's scheduled e-mails of these reports; nil on a page built for a mail.
    var subscriptions: ReportSubscriptionsSection?
}
