import Foundation

/// What a piece of sensitive data pasted into a ticket is (R9.4).
///
/// The cases are listed in priority order: when two findings overlap, the earlier case wins.
public enum SensitiveDataKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Passwords, secrets, tokens, bearer and basic authorization headers, AWS access keys, PEM private keys.
    case credential
    /// An 18-character PRC resident identity number whose GB 11643 check character and birth date are valid.
    case residentID = "resident_id"
    /// A mainland China mobile number (`1[3-9]` and nine more digits), optionally with a `+86` prefix.
    case mobileNumber = "mobile_number"
    /// A 13–19 digit payment card number that passes the Luhn check.
    case cardNumber = "card_number"

    /// The kinds as an event records them: `credential,mobile_number`.
    public static func list(_ kinds: [SensitiveDataKind]) -> String {
        kinds.map(\.rawValue).joined(separator: ",")
    }
}
