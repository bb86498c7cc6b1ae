/// Ticket priority P0–P3 (R2.2): 紧急 / 高 / 中 / 低.
public enum Priority: String, Codable, CaseIterable, Comparable, Sendable {
    case p0 = "P0"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"

    /// Lower rank is more urgent; used for ordering queues.
    public var rank: Int {
        switch self {
        case .p0: 0
        case .p1: 1
        case .p2: 2
        case .p3: 3
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// How many people or how much of the business a problem hits (R2.3).
public enum Impact: String, Codable, CaseIterable, Sendable {
    /// Core business down or many users affected.
    case high
    /// A non-core function or some users.
    case medium
    /// One user, cosmetic, or a consultation.
    case low
}

/// How soon the requester needs it (R2.3): 高/中/低.
public enum Urgency: String, Codable, CaseIterable, Sendable {
    case high
    case medium
    case low
}
