import Foundation

public enum StoreError: Error, Equatable, Sendable {
    case notFound(String)
    /// A unique value already taken, e.g. a username.
    case duplicate(String)
    case invalidReference(String)
}
