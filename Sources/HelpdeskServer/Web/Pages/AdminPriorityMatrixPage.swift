/// `admin-priority-matrix.mustache`: impact × urgency → the suggested priority (R2.3), one
/// select a cell.
struct AdminPriorityMatrixPage: PageModel {
    static let template = "admin-priority-matrix"

    struct Cell: Sendable {
        /// `matrix_<impact>_<urgency>`.
        let name: String
        /// "Impact high, urgency low", for screen readers.
        let label: String
        let options: [SelectOption]
    }

    struct Row: Sendable {
        let impact: String
        let cells: [Cell]
    }

    let urgencies: [String]
    let rows: [Row]
}
