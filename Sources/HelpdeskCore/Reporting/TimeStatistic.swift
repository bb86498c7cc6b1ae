import Foundation

/// Count, mean, median and 90th percentile of measured minutes.
public struct TimeStatistic: Equatable, Codable, Sendable {
    public var count: Int
    /// Rounded to one decimal; nil without measurements.
    public var mean: Double?
    /// The middle value, or the mean of the two middle values.
    public var median: Double?
    /// Nearest rank: the smallest value with at least 90 % of the values at or below it.
    public var p90: Int?

    public init(count: Int, mean: Double?, median: Double?, p90: Int?) {
        self.count = count
        self.mean = mean
        self.median = median
        self.p90 = p90
    }

    public init(_ values: [Int]) {
        let sorted = values.sorted()
        count = sorted.count
        guard !sorted.isEmpty else { return }
        mean = (Double(sorted.reduce(0, +)) / Double(count) * 10).rounded() / 10
        median =
            count % 2 == 1
            ? Double(sorted[count / 2]) : Double(sorted[count / 2 - 1] + sorted[count / 2]) / 2
        let rank = Int((Double(count) * 0.9).rounded(.up))
        p90 = sorted[max(0, rank - 1)]
    }
}
