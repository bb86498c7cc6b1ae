// Recurring-problem detection (R6.3) timed on a week of tickets: the labelled set's first week,
// repeated with each copy's words varied and spread over the week, at sizes up to a busy desk's
// week; and its pairwise precision and recall on each labelled set given (the tuning set and the
// holdout), computed as RecurrenceDetectionTests.labelledSet does. Built with swiftc from the Core
// sources by scripts/bench-detection.sh: `detection set.json [set.json…] [size…]`.
import Foundation

struct Row: Decodable {
    let id: String
    let cluster: String?
    let title: String
    let description: String
    let category: String
    let system: String?
    let day: Int
}

/// The arguments: the labelled sets (JSON files), then the sizes to time; the first set's first
/// week is what is repeated.
let arguments = CommandLine.arguments.dropFirst()
let paths = arguments.filter { Int($0) == nil }
let sizes = arguments.compactMap { Int($0) }
let start = Date(timeIntervalSince1970: 1_800_000_000)

/// The set's tickets as detection reads them, as the test builds them.
func candidates(of rows: [Row]) -> [RecurrenceDetection.Candidate] {
    let categories = Dictionary(
        uniqueKeysWithValues: Set(rows.map(\.category)).sorted().enumerated().map { ($1, Int64($0 + 1)) })
    return rows.enumerated().map { index, row in
        RecurrenceDetection.Candidate(
            number: row.id, submittedAt: start.addingTimeInterval(Double(row.day) * 86_400 + Double(index) * 60),
            categoryId: categories[row.category], system: row.system, text: row.title + "\n" + row.description)
    }
}

var timed: [RecurrenceDetection.Candidate] = []
for path in paths {
    let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    let candidates = candidates(of: rows)
    if timed.isEmpty { timed = candidates }
    var proposed: [String: Int] = [:]
    for (index, cluster) in RecurrenceDetection.clusters(candidates).enumerated() {
        for number in cluster.numbers { proposed[number] = index }
    }
    var (hits, wrong, missed) = (0, 0, 0)
    for i in rows.indices {
        for j in rows.indices where j > i {
            let same = rows[i].cluster != nil && rows[i].cluster == rows[j].cluster
            let together = proposed[rows[i].id] != nil && proposed[rows[i].id] == proposed[rows[j].id]
            if same && together { hits += 1 } else if together { wrong += 1 } else if same { missed += 1 }
        }
    }
    print(String(format: "%@: %d tickets, pairwise precision %.3f, recall %.3f",
        URL(fileURLWithPath: path).lastPathComponent, rows.count,
        Double(hits) / Double(hits + wrong), Double(hits) / Double(hits + missed)))
}
let week = timed.filter { $0.submittedAt < start.addingTimeInterval(7 * 86_400) }
let noise = ["上午", "下午", "刚才", "今天", "一直", "还是", "麻烦看下", "急"]
for size in sizes {
    var tickets: [RecurrenceDetection.Candidate] = []
    var copy = 0
    while tickets.count < size {
        for ticket in week where tickets.count < size {
            var varied = ticket
            varied.number = "\(ticket.number)-\(copy)"
            varied.submittedAt = ticket.submittedAt.addingTimeInterval(Double(copy % 5) * 3_600)
            varied.text = noise[copy % noise.count] + ticket.text + " 工位 \(copy)"
            tickets.append(varied)
        }
        copy += 1
    }
    let clock = ContinuousClock()
    var found = 0
    let elapsed = clock.measure { found = RecurrenceDetection.clusters(tickets).count }
    print("\(size) tickets: \(found) proposals in \(elapsed)")
}
