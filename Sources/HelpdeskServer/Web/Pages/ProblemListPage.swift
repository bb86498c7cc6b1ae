/// `problems.mustache`: the problem records by status, proposals first in mind: each with
/// its tickets' count and when it was last changed; for managers the detection button and the
/// form opening one by hand.
struct ProblemListPage: PageModel {
    static let template = "problems"

    struct Row: Sendable {
        let id: Int64
        let title: String
        let status: String
        let statusKey: String
        let tickets: Int
        let system: String?
        let updated: String
    }

    let statuses: [SelectOption]
    let rows: [Row]
    let hasRows: Bool
    let manages: Bool
    let notice: String?
    let next: String?
}
