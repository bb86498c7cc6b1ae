import Foundation

/// A ticket-number pattern (R1.4) such as `TS{yyyyMMdd}{seq:3}`, `IT{yyyyMMdd}{seq:3}`,
/// `{yyyyMM}-{seq:3}` or `TS-{yyyyMMdd}-{seq}`.
///
/// The serial restarts whenever the rendered date part changes: the *scope* of a number is
/// the pattern rendered without its serial, and the store keeps one counter per scope.
public struct TicketNumberFormat: Sendable, Equatable, Codable {
    public let pattern: String
    private let segments: [Segment]

    public static let `default` = try! TicketNumberFormat("TS{yyyyMMdd}{seq:3}")

    enum Segment: Equatable, Sendable {
        case literal(String)
        case date(String)
        case sequence(width: Int)
    }

    static let dateTokens: Set<String> = ["yyyy", "yy", "MM", "dd", "yyyyMMdd", "yyyyMM", "yyMMdd"]
    static let allowedLiteral = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./#"))

    public init(_ pattern: String) throws(TicketNumberFormatError) {
        self.pattern = pattern
        self.segments = try Self.parse(pattern)
    }

    public init(from decoder: any Decoder) throws {
        let pattern = try String(from: decoder)
        do {
            try self.init(pattern)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws { try pattern.encode(to: encoder) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.pattern == rhs.pattern }

    /// The counter key for numbers issued at `date`: the pattern rendered without the serial.
    public func scope(for date: Date, timeZone: TimeZone) -> String {
        render(date: date, sequence: nil, timeZone: timeZone)
    }

    public func render(date: Date, sequence: Int, timeZone: TimeZone) -> String {
        render(date: date, sequence: Optional(sequence), timeZone: timeZone)
    }

    private func render(date: Date, sequence: Int?, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let (y, m, d) = (parts.year!, parts.month!, parts.day!)
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .date(let token): out += Self.format(token, y, m, d)
            case .sequence(let width):
                guard let sequence else { continue }
                let digits = String(sequence)
                out += String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }
        return out
    }

    private static func format(_ token: String, _ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        switch token {
        case "yyyy": return pad(y, 4)
        case "yy": return pad(y % 100, 2)
        case "MM": return pad(m, 2)
        case "dd": return pad(d, 2)
        case "yyyyMMdd": return pad(y, 4) + pad(m, 2) + pad(d, 2)
        case "yyyyMM": return pad(y, 4) + pad(m, 2)
        default: return pad(y % 100, 2) + pad(m, 2) + pad(d, 2)  // yyMMdd
        }
    }

    private static func parse(_ pattern: String) throws(TicketNumberFormatError) -> [Segment] {
        guard !pattern.isEmpty, pattern.count <= 40 else { throw .invalidLength }
        var segments: [Segment] = []
        var literal = ""
        var index = pattern.startIndex
        var sequenceCount = 0
        while index < pattern.endIndex {
            let char = pattern[index]
            if char == "{" {
                guard let close = pattern[index...].firstIndex(of: "}") else { throw .unclosedToken }
                let token = String(pattern[pattern.index(after: index)..<close])
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                if dateTokens.contains(token) {
                    segments.append(.date(token))
                } else if token == "seq" {
                    segments.append(.sequence(width: 1))
                    sequenceCount += 1
                } else if token.hasPrefix("seq:"), token.dropFirst(4).allSatisfy(\.isASCII),
                    token.dropFirst(4).allSatisfy(\.isNumber),
                    let width = Int(token.dropFirst(4)), (1...9).contains(width)
                {
                    segments.append(.sequence(width: width))
                    sequenceCount += 1
                } else {
                    throw .unknownToken(token)
                }
                index = pattern.index(after: close)
            } else {
                guard char.unicodeScalars.allSatisfy({ allowedLiteral.contains($0) }), char.isASCII else {
                    throw .invalidCharacter(String(char))
                }
                literal.append(char)
                index = pattern.index(after: index)
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        guard sequenceCount == 1 else { throw .needsOneSequence }
        if case .sequence = segments.last {} else { throw .sequenceMustBeLast }
        return segments
    }
}

public enum TicketNumberFormatError: Error, Equatable, Sendable {
    case invalidLength
    case unclosedToken
    case unknownToken(String)
    case invalidCharacter(String)
    case needsOneSequence
    /// The serial must end the number; otherwise a wider serial could collide with a
    /// following literal or date (`{seq}1` after 11 vs 1 + 11).
    case sequenceMustBeLast
}
