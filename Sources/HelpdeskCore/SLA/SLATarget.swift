import Foundation

/// One SLA time limit, e.g. "4 hours, business time" or "30 minutes, 24×7".
public struct SLATarget: Hashable, Codable, Sendable {
    public var value: Int
    public var unit: SLAUnit
    public var mode: SLAClockMode

    public init(value: Int, unit: SLAUnit, mode: SLAClockMode = .business) {
        self.value = value
        self.unit = unit
        self.mode = mode
    }

    public static func minutes(_ value: Int, mode: SLAClockMode = .business) -> SLATarget {
        SLATarget(value: value, unit: .minutes, mode: mode)
    }

    public static func hours(_ value: Int, mode: SLAClockMode = .business) -> SLATarget {
        SLATarget(value: value, unit: .hours, mode: mode)
    }

    /// Business working days (each `calendar.workingDayMinutes` long).
    public static func workingDays(_ value: Int) -> SLATarget {
        SLATarget(value: value, unit: .workingDays, mode: .business)
    }

    /// The target's length in seconds of its clock. Working days use `calendar.workingDayMinutes`
    /// (the SLA clock passes `BusinessCalendar.continuous`, i.e. 24-hour days, in continuous mode).
    public func seconds(calendar: BusinessCalendar) -> TimeInterval {
        switch unit {
        case .minutes: TimeInterval(value) * 60
        case .hours: TimeInterval(value) * 3600
        case .workingDays: TimeInterval(value) * TimeInterval(calendar.workingDayMinutes) * 60
        }
    }
}
