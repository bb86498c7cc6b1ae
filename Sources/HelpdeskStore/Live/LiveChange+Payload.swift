/// The text form PostgreSQL's NOTIFY carries between instances: `t` for the ticket lists,
/// `i:<user id>` for an inbox, several joined by commas.
extension LiveChange {
    var payload: String {
        switch self {
        case .tickets: "t"
        case .inbox(let userId): "i:\(userId)"
        }
    }

    /// Parses a payload; unknown parts (a newer instance's) are skipped.
    static func parse(_ payload: String) -> [LiveChange] {
        payload.split(separator: ",").compactMap { part in
            if part == "t" { return .tickets }
            if part.hasPrefix("i:"), let id = Int64(part.dropFirst(2)) { return .inbox(userId: id) }
            return nil
        }
    }

    /// Joins changes into payloads of at most `limit` bytes (NOTIFY takes under 8 000).
    static func payloads<S: Sequence>(_ changes: S, limit: Int = 7_900) -> [String] where S.Element == LiveChange {
        var payloads: [String] = []
        var current = ""
        for change in changes {
            let part = change.payload
            if !current.isEmpty, current.utf8.count + 1 + part.utf8.count > limit {
                payloads.append(current)
                current = ""
            }
            current += current.isEmpty ? part : "," + part
        }
        if !current.isEmpty { payloads.append(current) }
        return payloads
    }
}
