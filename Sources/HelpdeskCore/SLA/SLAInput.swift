import Foundation

/// One fact the SLA clock folds (derived from the ticket's event log).
///
/// Encoded flat with a `type` tag, e.g. `{"type":"status","at":…,"to":"resolved"}`.
public enum SLAInput: Hashable, Codable, Sendable {
    case opened(at: Date, priority: Priority)
    case status(at: Date, to: TicketStatus)
    case firstResponse(at: Date)
    case priorityChanged(at: Date, to: Priority)
    /// An approved extension (R3.5): the resolution target grows by `seconds` of its clock.
    case extended(at: Date, seconds: TimeInterval)

    public var at: Date {
        switch self {
        case .opened(let at, _), .status(let at, _), .firstResponse(let at), .priorityChanged(let at, _),
            .extended(let at, _):
            at
        }
    }

    private enum Kind: String, Codable {
        case opened, status, firstResponse, priorityChanged, extended
    }

    private enum CodingKeys: String, CodingKey { case type, at, priority, to, seconds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let at = try c.decode(Date.self, forKey: .at)
        switch try c.decode(Kind.self, forKey: .type) {
        case .opened: self = .opened(at: at, priority: try c.decode(Priority.self, forKey: .priority))
        case .status: self = .status(at: at, to: try c.decode(TicketStatus.self, forKey: .to))
        case .firstResponse: self = .firstResponse(at: at)
        case .priorityChanged: self = .priorityChanged(at: at, to: try c.decode(Priority.self, forKey: .to))
        case .extended: self = .extended(at: at, seconds: try c.decode(TimeInterval.self, forKey: .seconds))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        switch self {
        case .opened(_, let priority):
            try c.encode(Kind.opened, forKey: .type)
            try c.encode(priority, forKey: .priority)
        case .status(_, let status):
            try c.encode(Kind.status, forKey: .type)
            try c.encode(status, forKey: .to)
        case .firstResponse:
            try c.encode(Kind.firstResponse, forKey: .type)
        case .priorityChanged(_, let priority):
            try c.encode(Kind.priorityChanged, forKey: .type)
            try c.encode(priority, forKey: .to)
        case .extended(_, let seconds):
            try c.encode(Kind.extended, forKey: .type)
            try c.encode(seconds, forKey: .seconds)
        }
    }
}
