import Crypto
import Foundation

/// Signs session cookies and derives CSRF tokens with HMAC-SHA256 under one secret, shared by
/// every server instance (from `HELPDESK_SESSION_SECRET` or the `settings` table).
public struct SessionSigner: Sendable {
    /// The HMAC key's bytes: SHA-256 of the secret.
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    public init(secret: String) {
        keyBytes = Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// `<token>.<signature>`, both base64url: the cookie value.
    public func cookieValue(for token: String) -> String {
        token + "."
            + Self.base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(("session|" + token).utf8), using: key)))
    }

    /// The token inside a cookie value whose signature checks out; nil for anything else.
    public func token(fromCookie value: String) -> String? {
        guard value.count <= 300, let dot = value.lastIndex(of: ".") else { return nil }
        let token = String(value[..<dot])
        guard !token.isEmpty, let signature = Self.data(base64url: String(value[value.index(after: dot)...])) else {
            return nil
        }
        let valid = HMAC<SHA256>.isValidAuthenticationCode(
            signature, authenticating: Data(("session|" + token).utf8), using: key)
        return valid ? token : nil
    }

    /// The CSRF token every form of this session carries.
    public func csrfToken(for sessionToken: String) -> String {
        Self.base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(("csrf|" + sessionToken).utf8), using: key)))
    }

    /// Constant-time check of a submitted CSRF token.
    public func isValidCSRF(_ submitted: String?, for sessionToken: String) -> Bool {
        guard let submitted, let data = Self.data(base64url: submitted) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            data, authenticating: Data(("csrf|" + sessionToken).utf8), using: key)
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64url: String) -> Data? {
        var text = base64url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text)
    }
}
