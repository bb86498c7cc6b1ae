import Crypto
import Foundation

/// A part that is not the body, byte-exact: its SHA-256 is the digest of the decoded bytes.
public struct MailAttachment: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    /// `Content-ID` without angle brackets, for `cid:` references of inline images.
    public var contentId: String?
    public var isInline: Bool
    /// The `charset` its type names, for a text part.
    public var charset: String?
    public var data: [UInt8]
    public var size: Int { data.count }
    public var sha256: String { Self.digest(data) }

    public init(
        filename: String, contentType: String, contentId: String?, isInline: Bool, charset: String? = nil,
        data: [UInt8]
    ) {
        self.filename = filename
        self.contentType = contentType
        self.contentId = contentId
        self.isInline = isInline
        self.charset = charset
        self.data = data
    }

    /// Lowercase hex SHA-256, the digest raw messages and attachments are addressed by.
    public static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
