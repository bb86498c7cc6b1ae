import Mustache

/// Which navigation link leads to the page being shown, for `aria-current="page"` in
/// layout.mustache: `{{#navCurrent.queues_mine}}` holds on `/queues/mine` (the path's segments
/// joined by `_`, hyphens written as `_`) and nowhere else.
struct CurrentNav: MustacheParent, Sendable {
    let key: String

    init(path: String) {
        key = path.split(separator: "/").joined(separator: "_").replacingOccurrences(of: "-", with: "_")
    }

    func child(named name: String) -> Any? { name == key ? true : nil }
}
