/// The data of one template under `Resources/templates`: a struct whose stored properties are the
/// template's keys. swift-mustache reads a struct's stored properties by reflection, so a nil
/// optional closes a section as a missing key does, and so do `false` and an empty array; an
/// empty string opens it.
protocol PageModel: Sendable {
    /// The template's name, without `.mustache`.
    static var template: String { get }
}
