import Foundation
import HelpdeskCore

/// One immutable version of the SLA policy (R2.4); tickets reference the version they opened under.
public struct SLAPolicyRecord: Codable, Equatable, Sendable {
    public var id: Int64
    public var version: Int
    public var name: String
    public var policy: SLAPolicy
    public var calendarId: Int64
    public var createdAt: Date
}
