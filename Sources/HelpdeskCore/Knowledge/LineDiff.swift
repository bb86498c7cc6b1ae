import Foundation

/// Two texts compared line by line, as two revisions of a knowledge-base article are (R6.2): the
/// lines both have, a longest common subsequence of them in order, and between those the lines only
/// the old text has, removed, before the lines only the new one has, added.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String)
        case added(String)
        case removed(String)
    }

    /// The most cells the table of common lengths may have: two changes of 2,000 lines each.
    /// Beyond it the change is all of its old lines removed and all of its new ones added.
    static let maximumCells = 4_000_000

    /// The lines from `old` to `new`. A line ends at `\n`, `\r\n` or `\r`; a line end at the very
    /// end of a text starts no empty line, so that only a text's lines are compared.
    public static func lines(from old: String, to new: String) -> [Line] {
        let old = lines(of: old)
        let new = lines(of: new)
        // The lines both start and end with are the same without a table, which then holds only the change.
        let prefix = zip(old, new).prefix { $0 == $1 }.count
        let suffix = zip(old.dropFirst(prefix).reversed(), new.dropFirst(prefix).reversed()).prefix { $0 == $1 }.count
        let change = change(from: old[prefix..<(old.count - suffix)], to: new[prefix..<(new.count - suffix)])
        return old[..<prefix].map(Line.same) + change + old[(old.count - suffix)...].map(Line.same)
    }

    static func lines(of text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(String.init)
    }

    /// The longest common subsequence by dynamic programming, each run of lines between two
    /// common ones in order removed, then added.
    static func change(from old: ArraySlice<String>, to new: ArraySlice<String>) -> [Line] {
        let old = Array(old)
        let new = Array(new)
        guard old.count * new.count <= maximumCells else { return old.map(Line.removed) + new.map(Line.added) }
        // Lines as numbers, so that the table compares integers.
        var numbers: [String: Int] = [:]
        func number(_ line: String) -> Int {
            if let known = numbers[line] { return known }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        let a = old.map(number)
        let b = new.map(number)
        // common[i * width + j]: the length of the longest common subsequence of a[i...] and b[j...],
        // at most min(a.count, b.count), which the limit on cells keeps under 2,001.
        let width = b.count + 1
        var common = [UInt16](repeating: 0, count: (a.count + 1) * width)
        for i in a.indices.reversed() {
            for j in b.indices.reversed() {
                common[i * width + j] =
                    a[i] == b[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : max(common[(i + 1) * width + j], common[i * width + j + 1])
            }
        }
        var lines: [Line] = []
        var removed: [Line] = []
        var added: [Line] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines += removed + added + [.same(old[i])]
                (removed, added) = ([], [])
                (i, j) = (i + 1, j + 1)
            } else if j == b.count || (i < a.count && common[(i + 1) * width + j] >= common[i * width + j + 1]) {
                removed.append(.removed(old[i]))
                i += 1
            } else {
                added.append(.added(new[j]))
                j += 1
            }
        }
        return lines + removed + added
    }
}
