import Foundation

/// Things worth telling the submitter that do not stop the ticket (R1.2, R1.3).
public enum IntakeWarning: String, Codable, Sendable {
    /// Title longer than the 20-character house style.
    case titleLong = "title_long"
    /// Type-specific details missing: staff will ask for them.
    case missingDetails = "missing_details"
    /// Passwords, keys or identity numbers were found and hidden (R9.4): they must not be sent
    /// this way.
    case sensitiveDataRedacted = "sensitive_data_redacted"
}
