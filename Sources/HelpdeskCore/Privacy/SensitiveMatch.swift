import Foundation

/// One piece of sensitive data found in a text.
public struct SensitiveMatch: Sendable, Equatable {
    /// What was found.
    public let kind: SensitiveDataKind
    /// The characters to hide: only the value, never the label in front of it
    /// (`密码：abc123` covers `abc123`).
    public let range: Range<String.Index>

    public init(kind: SensitiveDataKind, range: Range<String.Index>) {
        self.kind = kind
        self.range = range
    }
}
