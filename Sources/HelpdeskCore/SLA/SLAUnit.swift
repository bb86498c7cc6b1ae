/// The unit of an SLA target value.
public enum SLAUnit: String, Codable, CaseIterable, Sendable {
    case minutes
    case hours
    /// Multiples of the calendar's `workingDayMinutes` (R3.2 "3 working days").
    case workingDays = "working_days"
}
