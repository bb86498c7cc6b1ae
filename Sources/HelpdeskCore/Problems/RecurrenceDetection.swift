import Foundation

/// Finding problems that keep coming back (R6.3): tickets whose words say the same thing, arriving close
/// together. Each ticket is a TF-IDF vector over the search analyzer's tokens (Han bigrams and single
/// characters, Latin and digit words: error codes and system names weigh as words), the weights learned
/// from the tickets compared. Two tickets are as similar as the cosine of their vectors, more when they name
/// the same category or affected system, and more the closer together they arrived (a problem comes as a
/// burst; see ``SimilarityGraph``). Then, in four steps:
///
/// 1. Average linkage (``AverageLinkage``): the two groups whose tickets are the most similar on average
///    join, again and again, while that average reaches the threshold and all their tickets arrived within
///    the window; groups are only compared when one of their tickets is among the other's nearest
///    neighbours and the other way round, so one shared word never chains unrelated tickets.
/// 2. Pruning: a member much less like its group than the others are, and not among their nearest
///    neighbours, only shares their system or a common word; it leaves.
/// 3. Attachment: a ticket left alone joins the group it is most like on average, when it is nearly as like
///    it as the members are like each other and is among the nearest neighbours of some of them.
/// 4. A ticket written in another script than a group (English among Chinese), whose words cannot be
///    compared with its members', joins the one group of the window naming its system and category.
///
/// A ticket that names no affected system is compared by its words alone (steps 2 and 3): not naming the
/// system is not naming another one.
public enum RecurrenceDetection {
    /// What a desk may tune; the defaults are the specification's (3 tickets in 7 days).
    public struct Settings: Codable, Equatable, Sendable {
        public var minimumTickets: Int
        public var windowDays: Int
        /// The average similarity at which groups join (see ``SimilarityGraph/similarity(_:_:)``).
        public var threshold: Double

        public static let minimumTicketsRange = 2...50
        public static let windowDaysRange = 1...90

        public init(minimumTickets: Int = 3, windowDays: Int = 7, threshold: Double = 0.22) {
            self.minimumTickets = minimumTickets
            self.windowDays = windowDays
            self.threshold = threshold
        }

        public static let `default` = Settings()
    }

    /// A ticket as detection reads it.
    public struct Candidate: Equatable, Sendable {
        public var number: String
        public var submittedAt: Date
        public var categoryId: Int64?
        public var system: String?
        /// Title and description.
        public var text: String

        public init(number: String, submittedAt: Date, categoryId: Int64?, system: String?, text: String) {
            self.number = number
            self.submittedAt = submittedAt
            self.categoryId = categoryId
            self.system = system
            self.text = text
        }
    }

    /// Tickets that look like one problem, oldest first, with why.
    public struct Cluster: Equatable, Sendable {
        public var numbers: [String]
        public var evidence: ProblemEvidence
        /// The category and affected system most of them name, if any.
        public var categoryId: Int64?
        public var system: String?
    }

    /// How many nearest neighbours of each ticket count as near: groups are compared (step 1) only through
    /// pairs of tickets that are each among the other's this many.
    static let neighbours = 6
    /// Step 2: a member stays when its mean similarity to the rest of its group is at least `pruneKeep`, or
    /// at least the members' median one, or at least `pruneRatio` of that median while at least
    /// `pruneVotes` of the others have it among their nearest neighbours (as many as the group has other
    /// members); otherwise it leaves.
    static let pruneRatio = 0.6
    static let pruneVotes = 0.5
    static let pruneKeep = 1.0
    /// Step 3: a ticket joins a group when its mean similarity to the members is at least `attachFloor`, at
    /// least this share of the members' mean similarity to each other, and more than `attachVotes` of the
    /// members have it among their nearest neighbours (as many as the group has members).
    static let attachRatio = 0.7
    static let attachVotes = 1.0 / 3
    static let attachFloor = 0.1
    /// Step 4: a text is written in another script when fewer than this share of its letters are Han
    /// characters, and a group writes Han when on average at least `hanGroupShare` of theirs are.
    static let hanTicketShare = 0.3
    static let hanGroupShare = 0.5

    /// The groups of at least `settings.minimumTickets` similar tickets, largest first.
    public static func clusters(_ candidates: [Candidate], settings: Settings = .default) -> [Cluster] {
        let graph = SimilarityGraph(candidates, window: Double(settings.windowDays) * 86_400)
        var groups = AverageLinkage.groups(graph, threshold: settings.threshold)
        groups = pruned(groups, graph, minimum: settings.minimumTickets)
        groups = attached(groups, graph)
        groups = attachedInOtherScript(groups, graph)
        return groups.filter { $0.count >= settings.minimumTickets }.map { cluster($0, graph) }.sorted {
            $0.numbers.count != $1.numbers.count ? $0.numbers.count > $1.numbers.count : $0.numbers[0] < $1.numbers[0]
        }
    }

    static func cluster(_ members: [Int], _ graph: SimilarityGraph) -> Cluster {
        let candidates = graph.candidates
        let vectors = graph.vectors
        let ordered = members.sorted {
            (candidates[$0].submittedAt, candidates[$0].number) < (candidates[$1].submittedAt, candidates[$1].number)
        }
        var scores: [Double] = []
        for i in ordered.indices {
            for j in ordered.indices where j > i { scores.append(graph.similarity(ordered[i], ordered[j])) }
        }
        // The tokens most of them hold, by their summed weight.
        var weight: [Int: Double] = [:]
        var holders: [Int: Int] = [:]
        for member in ordered {
            for (token, value) in vectors.vectors[member] {
                weight[token, default: 0] += value
                holders[token, default: 0] += 1
            }
        }
        // Words, not the single characters compared alongside them.
        let shared = weight.filter {
            Double(holders[$0.key]!) >= Double(ordered.count) * 0.6 && !vectors.tokens[$0.key].hasPrefix("\u{1}")
        }
        .sorted { $0.value != $1.value ? $0.value > $1.value : vectors.tokens[$0.key] < vectors.tokens[$1.key] }
        .prefix(6).map { vectors.tokens[$0.key] }
        func most<T: Hashable>(_ values: [T?]) -> T? {
            let counted = Dictionary(grouping: values.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            guard let best = counted.max(by: { $0.value < $1.value }), best.value * 2 > ordered.count else {
                return nil
            }
            return best.key
        }
        return Cluster(
            numbers: ordered.map { candidates[$0].number },
            evidence: ProblemEvidence(
                minimumSimilarity: min(1, scores.min() ?? 0),
                meanSimilarity: min(1, scores.reduce(0, +) / Double(max(1, scores.count))),
                sharedTerms: Array(shared), firstAt: candidates[ordered.first!].submittedAt,
                lastAt: candidates[ordered.last!].submittedAt),
            categoryId: most(ordered.map { candidates[$0].categoryId }),
            system: most(ordered.map { graph.systems[$0] == nil ? nil : candidates[$0].system }))
    }

    static func normalizedSystem(_ system: String) -> String { SearchAnalyzer.normalize(system) }
}
