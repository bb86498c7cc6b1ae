import Foundation

/// A share: how many of the counted tickets have the property.
public struct Rate: Equatable, Codable, Sendable {
    public var count: Int
    public var of: Int
    /// count / of, rounded to four decimals (0.9375 is 93.75 %); nil when nothing was counted.
    public var rate: Double?

    public init(_ count: Int, of total: Int) {
        self.count = count
        of = total
        rate = total == 0 ? nil : (Double(count) / Double(total) * 10_000).rounded() / 10_000
    }

    public init<S: Sequence>(_ values: S) where S.Element == Bool? {
        let decided = values.compactMap { $0 }
        self.init(decided.filter { $0 }.count, of: decided.count)
    }
}
