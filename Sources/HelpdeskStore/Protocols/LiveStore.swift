/// Committed changes that open pages show, as they happen (see ``LiveFeed``).
public protocol LiveStore: Sendable {
    var live: LiveFeed { get }
}
