/// The shape of an e-mail address the desk stores and sends to: `local@domain`, ASCII or
/// internationalised (UTF-8) characters, no spaces, control characters, angle brackets, quotes
/// or commas, a domain of dot-separated labels, at most 254 characters (RFC 5321). Nothing that
/// passes can break out of an SMTP command or a header.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= 254, let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, domain.utf8.count <= 253 else { return false }
        let forbidden: Set<Unicode.Scalar> = [" ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", "@"]
        guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
            local.unicodeScalars.allSatisfy({ !forbidden.contains($0) }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy {
                    !forbidden.contains($0) && $0 != "_"
                        && ($0.value > 0x7F || $0.properties.isAlphabetic
                            || ("0"..."9").contains($0) || $0 == "-")
                }
        }
    }
}
