/// `admin-priority-matrix-version.mustache`: one saved matrix version, read-only (R2.4).
struct AdminPriorityMatrixVersionPage: PageModel {
    static let template = "admin-priority-matrix-version"

    struct Row: Sendable {
        let impact: String
        /// The priority for each urgency, in the order of `urgencies`.
        let priorities: [String]
    }

    let version: AdminPriorityMatrixPage.Version
    let urgencies: [String]
    let rows: [Row]
}
