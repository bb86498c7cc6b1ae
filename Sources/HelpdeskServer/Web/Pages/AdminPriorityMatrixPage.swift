/// `admin-priority-matrix.mustache`: impact × urgency → the suggested priority (R2.3), one
/// select a cell; the current version with who saved it and when, and every version (R2.4).
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

    /// One saved version as the page lists it.
    struct Version: Sendable {
        let version: Int
        let savedBy: String
        let savedAt: String
        let note: String?
        /// The read-only view, `/admin/priority-matrix/versions/<n>`.
        let href: String
        let current: Bool
    }

    let current: Version
    let urgencies: [String]
    let rows: [Row]
    /// Newest first.
    let versions: [Version]
}
