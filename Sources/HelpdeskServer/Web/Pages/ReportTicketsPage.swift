/// `report-tickets.mustache`: the tickets one number of a report counts (its drill-down), a
/// page at a time, as the tracking table's rows, with that list's CSV and workbook.
struct ReportTicketsPage: PageModel {
    static let template = "report-tickets"

    struct Row: Sendable {
        let number: String
        let cells: [String]
        let statusKey: String
    }

    let heading: String
    let range: String
    let backLink: String
    let columns: [String]
    let rows: [Row]
    let hasRows: Bool
    let next: String?
    let csvLink: String
    let xlsxLink: String
    let error: String?
}
