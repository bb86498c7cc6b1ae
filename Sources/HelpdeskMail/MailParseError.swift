/// Why a message goes to quarantine instead of becoming a ticket or a reply.
public enum MailParseError: Error, Equatable, Sendable {
    /// Not an RFC 5322 message: no header field before the body.
    case notAMessage
    /// No usable `From` address: nobody to open the ticket for or answer.
    case noSender
    /// MIME nesting beyond the parser's limit.
    case tooDeeplyNested

    public var code: String {
        switch self {
        case .notAMessage: return "not_a_message"
        case .noSender: return "no_sender"
        case .tooDeeplyNested: return "too_deeply_nested"
        }
    }
}
