// Recurring-problem detection (R6.3) timed on a week of tickets: the labelled set's first week,
// repeated with each copy's words varied and spread over the week, at sizes up to a busy desk's
// week; and its pairwise precision and recall on the whole labelled set. Built with swiftc from
// the Core sources by scripts/bench-detection.sh.
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

let path = CommandLine.arguments[1]
let sizes = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
let start = Date(timeIntervalSince1970: 1_800_000_000)
let categories = Dictionary(uniqueKeysWithValues: Set(rows.map(\.category)).sorted().enumerated().map { ($1, Int64($0 + 1)) })
let candidates = rows.enumerated().map { index, row in
    RecurrenceDetection.Candidate(
        number: row.id, submittedAt: start.addingTimeInterval(Double(row.day) * 86_400 + Double(index) * 60),
        categoryId: categories[row.category], system: row.system, text: row.title + "\n" + row.description)
}
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
print(String(format: "labelled set: %d tickets, pairwise precision %.3f, recall %.3f", rows.count,
    Double(hits) / Double(hits + wrong), Double(hits) / Double(hits + missed)))
let week = candidates.filter { $0.submittedAt < start.addingTimeInterval(7 * 86_400) }
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
