import Foundation

extension SettledFacts {
    /// Reads ``text`` of ticket `id` (the row's, not the text's: a ticket resolved as it is
    /// recorded has no id yet when its facts are written); nil for a text of another version
    /// or a damaged one. A month's report reads tens of thousands of these, so the fields are
    /// read from the UTF-8 bytes, not split into substrings.
    public init?(text: String, id: Int64) {
        var text = text
        guard let read = text.withUTF8({ Self.read($0, id: id) }) else { return nil }
        self = read
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static let bar = UInt8(ascii: "|")
    private static let prefixBytes = Array(prefix.utf8)

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, id: Int64) -> SettledFacts? {
        guard bytes.count > prefixBytes.count, bytes.starts(with: prefixBytes) else { return nil }
        var fields: [Bytes] = []
        fields.reserveCapacity(18)
        var start = prefixBytes.count
        for index in start..<bytes.count where bytes[index] == bar {
            fields.append(bytes[start..<index])
            start = index + 1
        }
        fields.append(bytes[start..<bytes.count])
        guard fields.count == 18,
            let submitted = instant(fields[0]) ?? nil,
            let type = TicketType(rawValue: string(fields[1])), let channel = Channel(rawValue: string(fields[2])),
            let priority = Priority(rawValue: string(fields[3])), let tier = Tier(rawValue: string(fields[7])),
            let categoryId = number(fields[4]), let groupId = number(fields[5]), let assigneeId = number(fields[6]),
            let resolved = instant(fields[9]), let response = number(fields[10]),
            let resolution = number(fields[11]), let responseMet = flag(fields[12]),
            let resolutionMet = flag(fields[13]), let extensions = extensions(fields[14]),
            let satisfaction = satisfaction(fields[15])
        else { return nil }
        let flags = fields[8]
        let cause = fields[17]
        return SettledFacts(
            facts: TicketFacts(
                id: id, number: unescaped(fields[16]), submittedAt: submitted, type: type, channel: channel,
                priority: priority, categoryId: categoryId, groupId: groupId, assigneeId: assigneeId, tier: tier,
                outOfScope: flags.contains(UInt8(ascii: "o")), resolvedAt: resolved,
                firstResponseMinutes: response.map { Int($0) }, resolutionMinutes: resolution.map { Int($0) },
                responseMet: responseMet, resolutionMet: resolutionMet, reopened: flags.contains(UInt8(ascii: "r")),
                breached: flags.contains(UInt8(ascii: "b")),
                breachCause: cause.first == UInt8(ascii: "=") ? unescaped(cause.dropFirst()) : nil,
                extensions: extensions, satisfaction: satisfaction),
            majorIncident: flags.contains(UInt8(ascii: "m")))
    }

    private static func string(_ field: Bytes) -> String { String(decoding: field, as: UTF8.self) }

    /// A decimal integer; `.some(nil)` when empty, nil when it is not one.
    private static func number(_ field: Bytes) -> Int64?? {
        if field.isEmpty { return .some(nil) }
        var digits = field[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdding) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow, !overflowAdding else { return nil }
            value = sum
        }
        return .some(negative ? -value : value)
    }

    private static func instant(_ field: Bytes) -> Date?? {
        if field.isEmpty { return .some(nil) }
        return Double(string(field)).map { .some(Date(timeIntervalSinceReferenceDate: $0)) }
    }

    private static func flag(_ field: Bytes) -> Bool?? {
        guard let first = field.first else { return .some(nil) }
        guard field.count == 1 else { return nil }
        switch first {
        case UInt8(ascii: "1"): return .some(true)
        case UInt8(ascii: "0"): return .some(false)
        default: return nil
        }
    }

    private static func extensions(_ field: Bytes) -> [ExtensionRequest.Status]? {
        var statuses: [ExtensionRequest.Status] = []
        for code in field {
            switch code {
            case UInt8(ascii: "p"): statuses.append(.pending)
            case UInt8(ascii: "a"): statuses.append(.approved)
            case UInt8(ascii: "r"): statuses.append(.rejected)
            default: return nil
            }
        }
        return statuses
    }

    /// The rating (level and score; the comment is not a fact); `.some(nil)` when empty.
    private static func satisfaction(_ field: Bytes) -> Satisfaction?? {
        guard let code = field.first else { return .some(nil) }
        let level: SatisfactionLevel
        switch code {
        case UInt8(ascii: "s"): level = .satisfied
        case UInt8(ascii: "n"): level = .neutral
        case UInt8(ascii: "d"): level = .dissatisfied
        default: return nil
        }
        guard let score = number(field.dropFirst()), let score else { return nil }
        return .some(Satisfaction(level: level, score: Int(score)))
    }

    private static func unescaped(_ field: Bytes) -> String {
        let text = string(field)
        guard field.contains(UInt8(ascii: "%")) else { return text }
        return text.replacingOccurrences(of: "%7C", with: "|").replacingOccurrences(of: "%25", with: "%")
    }
}
