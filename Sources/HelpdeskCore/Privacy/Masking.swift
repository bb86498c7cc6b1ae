import Foundation

/// Personal-data masking for viewers without full access to a ticket (R9.2).
public enum Masking {
    /// Keeps the last four characters of a phone or extension: `13812345678` → `*5678`.
    /// E-mail addresses keep the first character of the local part and the domain: `z*@corp.com`.
    public static func contact(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let at = trimmed.firstIndex(of: "@") {
            let local = trimmed[..<at]
            guard let first = local.first else { return "*" + trimmed[at...] }
            return String(first) + "*" + trimmed[at...]
        }
        guard trimmed.count > 4 else { return "*" }
        return "*" + trimmed.suffix(4)
    }

    /// Keeps at most two leading characters and never the whole name: `小明华` → `小明*`,
    /// `小明` → `小*`, `Alice` → `Al*`.
    public static func name(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        let kept = min(2, trimmed.count - 1)
        return String(trimmed.prefix(kept)) + "*"
    }
}
