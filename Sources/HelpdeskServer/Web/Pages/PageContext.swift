import Mustache

/// What a template renders: the layout's values, then the page model's (a layout key wins, as
/// the layout's entries overwrote the page's when pages were dictionaries).
struct PageContext<Model: PageModel>: MustacheParent {
    let layout: LayoutModel
    let model: Model

    func child(named name: String) -> Any? {
        Self.property(name, of: layout) ?? Self.property(name, of: model)
    }

    /// A stored property's value as swift-mustache reads it from a struct: an optional's wrapped
    /// value, nil when it is nil or there is no such property.
    private static func property(_ name: String, of value: Any) -> Any? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name })?.value else {
            return nil
        }
        let mirror = Mirror(reflecting: child)
        return mirror.displayStyle == .optional ? mirror.children.first?.value : child
    }
}
