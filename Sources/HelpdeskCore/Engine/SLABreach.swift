import Foundation

/// A target the ticket missed (R3.4), recorded once when the scheduler sees it pass.
public struct SLABreach: Hashable, Codable, Sendable {
    public enum Target: String, Codable, Sendable {
        case response
        case resolution
        case hardLimit = "hard_limit"
    }

    public var target: Target
    /// The due time that was missed.
    public var dueAt: Date
    /// When the breach was recorded (the due time, or later if the desk was down).
    public var recordedAt: Date

    public init(target: Target, dueAt: Date, recordedAt: Date) {
        self.target = target
        self.dueAt = dueAt
        self.recordedAt = recordedAt
    }
}
