import Foundation
import HelpdeskCore

/// A named business calendar as stored.
public struct CalendarRecord: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var calendar: BusinessCalendar
    public var updatedAt: Date?

    public init(id: Int64 = 0, name: String, calendar: BusinessCalendar, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.calendar = calendar
        self.updatedAt = updatedAt
    }
}
