import Mustache

/// A locale's texts as a tree of their dotted keys, so that templates read `{{t.ui.nav.queues}}`:
/// swift-mustache resolves each step of a dotted name through ``child(named:)``.
struct Catalogue: MustacheParent, Sendable {
    private var texts: [String: String] = [:]
    private var branches: [String: Catalogue] = [:]

    init(_ entries: [String: String]) {
        for (key, text) in entries { insert(text, at: key.split(separator: ".")[...]) }
    }

    private init() {}

    private mutating func insert(_ text: String, at path: ArraySlice<Substring>) {
        guard let head = path.first.map(String.init) else { return }
        if path.count == 1 {
            texts[head] = text
        } else {
            branches[head, default: Catalogue()].insert(text, at: path.dropFirst())
        }
    }

    func child(named name: String) -> Any? {
        if let text = texts[name] { return text }
        return branches[name]
    }
}
