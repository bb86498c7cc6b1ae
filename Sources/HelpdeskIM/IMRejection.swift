/// Why a callback was refused. `signature` and `stale` are answered 401 (the platform, or
/// someone pretending to be it, signed wrongly or replays an old request); `malformed` 400.
public enum IMRejection: Error, Equatable, Sendable {
    /// A signature or token that does not match, or one missing.
    case signature
    /// A timestamp outside the platform's window (a replay), or none.
    case stale
    /// Verified, but not a payload of the platform's shape.
    case malformed(String)

    public var code: String {
        switch self {
        case .signature: "im_signature_invalid"
        case .stale: "im_request_stale"
        case .malformed: "im_payload_invalid"
        }
    }
}
