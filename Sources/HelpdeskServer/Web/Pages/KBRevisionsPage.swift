/// `kb-revisions.mustache`: every revision of an article, the form comparing two, the
/// comparison line by line, and restoring an old revision as the newest.
struct KBRevisionsPage: PageModel {
    static let template = "kb-revisions"

    struct Row: Sendable {
        let number: Int
        let editor: String
        let at: String
        let note: String
        let current: Bool
        let fromSelected: Bool
        let toSelected: Bool
    }

    struct DiffLine: Sendable {
        /// `same`, `added`, `removed`: the line's class and its sign.
        let change: String
        let sign: String
        /// For screen readers, which do not read colours: 新增 / 删除 / 未改.
        let changeLabel: String
        let text: String
    }

    struct DiffField: Sendable {
        let label: String
        let lines: [DiffLine]
    }

    let id: Int64
    let articleTitle: String
    let revision: Int
    let rows: [Row]
    let editable: Bool
    let comparing: String?
    let fields: [DiffField]
    let hasFields: Bool
}
