/// The personal data on a ticket that is masked for some viewers and can be revealed (R9.2).
public enum RevealableField: String, Codable, Sendable, CaseIterable {
    case contact
    case requesterName
    case employeeNumber
}
