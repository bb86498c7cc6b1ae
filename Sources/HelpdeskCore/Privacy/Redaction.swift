import Foundation

/// A text with its sensitive data replaced by a placeholder (R9.4).
public struct Redaction: Sendable, Equatable {
    /// The text to store: every sensitive value replaced by the placeholder.
    public let text: String
    /// The distinct kinds that were hidden, in `SensitiveDataKind.allCases` order.
    public let kinds: [SensitiveDataKind]

    /// Whether anything was hidden.
    public var redacted: Bool { !kinds.isEmpty }

    public init(text: String, kinds: [SensitiveDataKind]) {
        self.text = text
        self.kinds = kinds
    }
}
