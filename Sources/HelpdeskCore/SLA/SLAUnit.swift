/// The unit of an SLA target value.
public enum SLAUnit: String, Codable, CaseIterable, Sendable {
    case minutes
    case hours
    /// Multiples of the calendar's `workingDayMinutes` (R3.2 "3 working days").
    case workingDays = "working_days"
}

extension SLAUnit {
    /// The largest target value a policy may give in this unit: a year.
    public var maximum: Int {
        switch self {
        case .minutes: 366 * 24 * 60
        case .hours: 366 * 24
        case .workingDays: 366
        }
    }
}
