import Foundation
import HelpdeskCore
import Testing

/// R6.3 recurring problems: tickets that say the same thing, arriving within the window, are
/// proposed as one problem; tickets about other problems of the same system are not.
@Suite("Recurring-problem detection (R6.3)")
struct RecurrenceDetectionTests {
    static let start = WorkflowFixture.opened

    static func ticket(_ number: String, _ text: String, day: Double, system: String? = nil, category: Int64? = nil)
        -> RecurrenceDetection.Candidate
    {
        RecurrenceDetection.Candidate(
            number: number, submittedAt: start.addingTimeInterval(day * 86_400), categoryId: category, system: system,
            text: text)
    }

    /// Three VPN certificate tickets in different words, a VPN ticket about something else, and
    /// unrelated ones.
    static let desk = [
        ticket("A1", "VPN 连不上，提示证书已过期\n早上开始 VPN 客户端报证书过期，无法连接公司网络", day: 0, system: "VPN", category: 1),
        ticket("A2", "VPN证书过期怎么办\n客户端提示：证书已过期，请联系管理员", day: 1, system: "VPN", category: 1),
        ticket("A3", "在家连不了 VPN\n弹窗说证书过期了，换了网络也不行", day: 2, system: "VPN", category: 1),
        ticket("B1", "VPN 下载文件很慢\n连上 VPN 以后下载内网文件只有几十K", day: 1, system: "VPN", category: 1),
        ticket("C1", "打印机卡纸\n三楼打印机卡纸了", day: 0, system: "打印机", category: 2),
        ticket("C2", "申请新显示器\n显示器坏了需要换一台", day: 3, category: 2),
        ticket("C3", "OA 审批流程卡住\n报销单一直在审批中", day: 2, system: "OA", category: 3),
        ticket("C4", "邮箱密码忘了\n需要重置邮箱密码", day: 4, system: "邮箱", category: 4),
    ]

    @Test("R6.3 three tickets about one problem in other words are one proposal; another VPN problem is not in it")
    func proposal() throws {
        let clusters = RecurrenceDetection.clusters(Self.desk)
        #expect(clusters.map(\.numbers) == [["A1", "A2", "A3"]])
        let cluster = try #require(clusters.first)
        #expect(cluster.system == "VPN" && cluster.categoryId == 1)
        #expect(
            cluster.evidence.firstAt == Self.start
                && cluster.evidence.lastAt == Self.start.addingTimeInterval(2 * 86_400))
        #expect(
            cluster.evidence.minimumSimilarity > 0
                && cluster.evidence.meanSimilarity >= cluster.evidence.minimumSimilarity)
        #expect(cluster.evidence.sharedTerms.contains("证书"), "\(cluster.evidence.sharedTerms)")
    }

    struct SettingsCase: Sendable, CustomTestStringConvertible {
        var name: String
        var days: [Double]
        var settings: RecurrenceDetection.Settings
        var proposed: Bool
        var testDescription: String { name }
    }

    @Test(
        "R6.3 at least the minimum of tickets, all within the window",
        arguments: [
            SettingsCase(name: "three within two days", days: [0, 1, 2], settings: .default, proposed: true),
            SettingsCase(name: "three within seven days", days: [0, 3, 7], settings: .default, proposed: true),
            SettingsCase(name: "spread over eight days", days: [0, 4, 8], settings: .default, proposed: false),
            SettingsCase(name: "two are not enough", days: [0, 1], settings: .default, proposed: false),
            SettingsCase(
                name: "two are enough when the desk says so", days: [0, 1],
                settings: .init(minimumTickets: 2), proposed: true),
            SettingsCase(
                name: "four asked for, three found", days: [0, 1, 2], settings: .init(minimumTickets: 4),
                proposed: false),
            SettingsCase(
                name: "a window of three days", days: [0, 2, 5], settings: .init(windowDays: 3), proposed: false),
        ])
    func window(_ test: SettingsCase) {
        let texts = [
            "VPN 连不上，提示证书已过期\n早上开始 VPN 客户端报证书过期", "VPN证书过期怎么办\n客户端提示：证书已过期",
            "在家连不了 VPN\n弹窗说证书过期了",
        ]
        var candidates = Self.desk.filter { !$0.number.hasPrefix("A") }
        for (index, day) in test.days.enumerated() {
            candidates.append(Self.ticket("V\(index)", texts[index], day: day, system: "VPN", category: 1))
        }
        let clusters = RecurrenceDetection.clusters(candidates, settings: test.settings)
        #expect(
            clusters.contains { $0.numbers.allSatisfy { $0.hasPrefix("V") } } == test.proposed,
            "\(clusters.map(\.numbers))")
    }

    @Test("the same tickets in another order are the same proposals")
    func deterministic() {
        let forward = RecurrenceDetection.clusters(Self.desk).map(\.numbers)
        let backward = RecurrenceDetection.clusters(Self.desk.reversed()).map(\.numbers)
        #expect(forward == backward)
    }

    @Test("R6.3 the workaround, and the fix once resolved, are told as written, marked with the problem's number")
    func broadcast() {
        var problem = ProblemRecord(id: 7, title: "VPN 证书", status: .knownError, createdAt: Self.start)
        #expect(Problems.broadcast(problem, resolved: false) == nil)
        problem.workaround = "先用网页版 VPN"
        problem.permanentFix = "  "
        #expect(Problems.broadcast(problem, resolved: false) == "[PR-7] 先用网页版 VPN")
        #expect(Problems.broadcast(problem, resolved: true) == nil)
    }

    @Test("R6.3 a rejected set is not proposed again unless a ticket is new to it")
    func rejected() {
        #expect(Problems.wasRejected(["A1", "A2"], rejected: [["A1", "A2", "A3"]]))
        #expect(!Problems.wasRejected(["A1", "A2", "A4"], rejected: [["A1", "A2", "A3"]]))
        #expect(!Problems.wasRejected(["A1"], rejected: []))
    }

    /// The labelled sets, written by hand: `recurring-tickets` (261 tickets over four weeks, 32 problems of
    /// 4–8 tickets in different words, with tickets about other problems of the same systems, the
    /// near-misses, and everyday requests), on which detection was tuned, and `recurring-tickets-holdout`
    /// (259 tickets, 28 problems, 52 near-misses, 64 everyday requests), written apart before tuning to
    /// check that it generalises. Pairwise precision and recall of the proposals.
    @Test(
        "R6.3 on the labelled sets of Chinese tickets: pairwise precision and recall",
        arguments: ["recurring-tickets", "recurring-tickets-holdout"])
    func labelledSet(_ name: String) throws {
        struct Row: Decodable {
            let id: String
            let cluster: String?
            let title: String
            let description: String
            let category: String
            let system: String?
            let day: Int
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: url))
        #expect(rows.count >= 200)
        let categories = Dictionary(
            uniqueKeysWithValues: Set(rows.map(\.category)).sorted().enumerated().map { ($1, Int64($0 + 1)) })
        let candidates = rows.enumerated().map { index, row in
            RecurrenceDetection.Candidate(
                number: row.id,
                submittedAt: Self.start.addingTimeInterval(Double(row.day) * 86_400 + Double(index) * 60),
                categoryId: categories[row.category], system: row.system, text: row.title + "\n" + row.description)
        }
        var proposed: [String: Int] = [:]
        for (index, cluster) in RecurrenceDetection.clusters(candidates).enumerated() {
            for number in cluster.numbers { proposed[number] = index }
        }
        var (truePairs, falsePairs, missedPairs) = (0, 0, 0)
        for i in rows.indices {
            for j in rows.indices where j > i {
                let same = rows[i].cluster != nil && rows[i].cluster == rows[j].cluster
                let together = proposed[rows[i].id] != nil && proposed[rows[i].id] == proposed[rows[j].id]
                if same && together {
                    truePairs += 1
                } else if together {
                    falsePairs += 1
                } else if same {
                    missedPairs += 1
                }
            }
        }
        let precision = Double(truePairs) / Double(truePairs + falsePairs)
        let recall = Double(truePairs) / Double(truePairs + missedPairs)
        print("recurring-problem detection on \(name), \(rows.count) tickets: precision \(precision), recall \(recall)")
        // Measured 0.823 and 0.733 on the tuning set, 0.827 and 0.772 on the holdout (docs/BENCHMARKS.md,
        // scripts/bench-detection.sh); the targets are the floors.
        #expect(precision >= 0.8, "precision \(precision)")
        #expect(recall >= 0.7, "recall \(recall)")
    }
}
