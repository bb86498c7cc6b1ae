import Foundation

/// One row of the append-only, hash-chained audit log (R9.5): who did or saw what, about whom.
/// `hash` is SHA-256 over `previousHash` and ``canonicalContent``, so editing, inserting or
/// deleting a row breaks the chain from there on.
public struct AuditEntry: Equatable, Sendable {
    public var id: Int64
    public var at: Date
    /// Nil for the system itself (scheduler, migrations).
    public var actorId: Int64?
    public var actorName: String
    public var action: AuditAction
    /// The person whose data was read or changed, when it is one person.
    public var subjectId: Int64?
    public var ticketNumber: String?
    /// What was changed or read: `user:12`, `group:3`, `settings`, `attachment:40`.
    public var target: String?
    /// Small facts (changed fields, the reveal's reason); never personal data in the clear.
    public var detail: [String: String]
    public var previousHash: String
    public var hash: String

    public init(
        id: Int64 = 0, at: Date, actorId: Int64?, actorName: String, action: AuditAction, subjectId: Int64? = nil,
        ticketNumber: String? = nil, target: String? = nil, detail: [String: String] = [:], previousHash: String = "",
        hash: String = ""
    ) {
        self.id = id
        self.at = at
        self.actorId = actorId
        self.actorName = actorName
        self.action = action
        self.subjectId = subjectId
        self.ticketNumber = ticketNumber
        self.target = target
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    public init(
        at: Date, actor: User, action: AuditAction, subjectId: Int64? = nil, ticketNumber: String? = nil,
        target: String? = nil, detail: [String: String] = [:]
    ) {
        self.init(
            at: at, actorId: actor.id, actorName: actor.displayName, action: action, subjectId: subjectId,
            ticketNumber: ticketNumber, target: target, detail: detail)
    }

    /// The instant as stored: whole milliseconds.
    public var atMillis: Int64 { Int64((at.timeIntervalSince1970 * 1000).rounded()) }

    /// Every recorded field but the id and the hashes, in a fixed order and escaped, so the
    /// same entry always hashes the same and no two entries share a text.
    public var canonicalContent: String {
        var fields = [
            "v1", String(atMillis), actorId.map(String.init) ?? "", actorName, action.rawValue,
            subjectId.map(String.init) ?? "", ticketNumber ?? "", target ?? "",
        ]
        fields += detail.sorted { $0.key < $1.key }.map { Self.escape($0.key) + "=" + Self.escape($0.value) }
        return fields.map(Self.escape).joined(separator: "|")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "|": escaped += "\\p"
            case "=": escaped += "\\e"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
