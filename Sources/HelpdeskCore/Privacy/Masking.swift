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

    /// Free text shown in lists and exports (search snippets, the tracking table): numbers the
    /// detector knows (ID cards, bank cards, phones) become `***`, e-mail addresses are masked as
    /// contacts.
    public static func text(_ value: String) -> String {
        var masked = SensitiveDataDetector.redact(value, placeholder: "***").text
        // The address pattern needs an at sign; most texts have none, and exports mask many rows.
        guard masked.utf8.contains(UInt8(ascii: "@")) else { return masked }
        let nsText = masked as NSString
        let found = emailPattern.matches(in: masked, range: NSRange(location: 0, length: nsText.length))
        for match in found.reversed() {
            masked = (masked as NSString).replacingCharacters(
                in: match.range, with: contact(nsText.substring(with: match.range)))
        }
        return masked
    }

    nonisolated(unsafe) private static let emailPattern = try! NSRegularExpression(
        pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
}
