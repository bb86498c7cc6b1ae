/// Why an `SLAPolicy` is unusable.
public enum SLAPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingPriority(Priority)
    case duplicatePriority(Priority)
    /// A response, resolution or hard-limit value that is zero or negative.
    case nonPositiveTarget(Priority)
    /// A value beyond a year of its unit: no desk promises that, and the clock cannot count it.
    case targetTooLong(Priority)
    /// Only open statuses can pause the clock; resolved/closed already stop it.
    case pauseStatusNotOpen(TicketStatus)

    public var description: String {
        switch self {
        case .missingPriority(let p): "No SLA targets for \(p.rawValue)"
        case .duplicatePriority(let p): "SLA targets for \(p.rawValue) are given more than once"
        case .nonPositiveTarget(let p): "SLA targets for \(p.rawValue) must be positive"
        case .targetTooLong(let p): "SLA targets for \(p.rawValue) must be at most a year"
        case .pauseStatusNotOpen(let s): "Status \(s.rawValue) cannot pause the SLA clock"
        }
    }
}
