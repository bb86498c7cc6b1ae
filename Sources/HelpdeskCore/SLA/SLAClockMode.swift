/// Whether an SLA target counts business time (working hours of the business calendar)
/// or wall-clock time (24×7).
public enum SLAClockMode: String, Codable, CaseIterable, Sendable {
    case business
    case continuous
}
