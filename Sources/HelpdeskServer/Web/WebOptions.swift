/// Settings of the web UI, read once at start-up.
public struct WebOptions: Sendable {
    /// HMAC secret for session cookies; nil keeps a generated one in the `settings` table.
    public var sessionSecret: String?
    /// Mark cookies `Secure` (serve over HTTPS, or behind a TLS-terminating proxy).
    public var secureCookies = false
    /// Largest attachment accepted, in bytes.
    public var maxAttachmentBytes = 5 * 1024 * 1024

    public init(sessionSecret: String? = nil, secureCookies: Bool = false, maxAttachmentBytes: Int = 5 * 1024 * 1024) {
        self.sessionSecret = sessionSecret
        self.secureCookies = secureCookies
        self.maxAttachmentBytes = maxAttachmentBytes
    }

    /// Room in a posted form for a few files at the limit plus the form's other fields.
    var uploadBodyLimit: Int { maxAttachmentBytes * 3 + 256 * 1024 }
}
