import Foundation

/// Finding problems that keep coming back (R6.3): tickets whose words say the same thing,
/// arriving close together. Each ticket is a TF-IDF vector over the search analyzer's tokens
/// (Han bigrams, Latin and digit words: error codes and system names weigh as words), the
/// weights learned from the tickets compared; two tickets are as similar as the cosine of
/// their vectors, a little more when they name the same category or affected system. Tickets
/// are grouped by average linkage: two groups join when their tickets are similar on average
/// and all arrived within the window, so one shared word never chains unrelated tickets.
public enum RecurrenceDetection {
    /// What a desk may tune; the defaults are the specification's (3 tickets in 7 days).
    public struct Settings: Codable, Equatable, Sendable {
        public var minimumTickets: Int
        public var windowDays: Int
        /// The average similarity at which groups join (0–1).
        public var threshold: Double

        public static let minimumTicketsRange = 2...50
        public static let windowDaysRange = 1...90

        public init(minimumTickets: Int = 3, windowDays: Int = 7, threshold: Double = 0.18) {
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

    /// Added to the cosine when both tickets name the same category or the same affected system.
    /// How much more two tickets' words count when both name the same category, or the same
    /// affected system (the words that name systems are left out of the texts: tickets about
    /// other problems of the same system share them).
    static let sameCategoryBonus = 0.3
    static let sameSystemBonus = 1.5
    /// A member whose mean similarity to the rest of its group is below this share of the
    /// group's typical one leaves it.
    static let pruneRatio = 0.6
    /// How like a group's centre a ticket left alone must be to join it.
    static let attachThreshold = 0.5
    /// How many nearest neighbours each ticket has.
    static let neighbours = 4
    /// Tokens in more than this share of the tickets do not, alone, make two tickets candidates
    /// for comparison (they still count in the cosine).
    static let commonShare = 0.1
    /// And in more than this many: on a busy desk a word shared by hundreds of tickets says
    /// little, and comparing them all would be quadratic.
    static let commonLimit = 50

    /// The groups of at least `settings.minimumTickets` similar tickets, largest first.
    public static func clusters(_ candidates: [Candidate], settings: Settings = .default) -> [Cluster] {
        var systemWords = Set<String>()
        for system in Set(candidates.compactMap(\.system)) { systemWords.formUnion(Vectorizer.features(of: system)) }
        let vectors = Vectorizer(candidates.map(\.text), leavingOut: systemWords)
        let window = Double(settings.windowDays) * 86_400
        let pairs = candidatePairs(vectors, candidates: candidates, window: window)
        func similarity(_ a: Int, _ b: Int) -> Double {
            pairSimilarity(vectors.vectors[a], vectors.vectors[b], candidates[a], candidates[b])
        }
        // Average linkage, most similar pairs first.
        var groups = (0..<candidates.count).map { [$0] }
        var owner = Array(0..<candidates.count)
        // Each ticket's nearest neighbours: a pair joins only when each is among the other's,
        // which tells the tickets of one problem (written in different words, so only a little
        // similar) from tickets that merely share a system or a common word.
        var all = pairs.map { (pair: $0, score: similarity($0.0, $0.1)) }
        var neighbours = Array(repeating: [(Int, Double)](), count: candidates.count)
        for item in all {
            neighbours[item.pair.0].append((item.pair.1, item.score))
            neighbours[item.pair.1].append((item.pair.0, item.score))
        }
        let nearest = neighbours.map { Set($0.sorted { $0.1 > $1.1 }.prefix(Self.neighbours).map(\.0)) }
        all = all.filter { nearest[$0.pair.0].contains($0.pair.1) && nearest[$0.pair.1].contains($0.pair.0) }
        let scored = all.filter { $0.score >= settings.threshold }
            .sorted { $0.score != $1.score ? $0.score > $1.score : ($0.pair.0, $0.pair.1) < ($1.pair.0, $1.pair.1) }
        for (pair, _) in scored {
            let (left, right) = (owner[pair.0], owner[pair.1])
            guard left != right else { continue }
            let members = groups[left] + groups[right]
            let times = members.map { candidates[$0].submittedAt }
            guard times.max()!.timeIntervalSince(times.min()!) <= window else { continue }
            var total = 0.0
            for a in groups[left] { for b in groups[right] { total += similarity(a, b) } }
            guard total / Double(groups[left].count * groups[right].count) >= settings.threshold else { continue }
            for member in groups[right] { owner[member] = left }
            groups[left] = members
            groups[right] = []
        }
        // A ticket much less like the rest of its group than they are like each other is one
        // that only shares their system or a word: it leaves the group.
        var formed: [[Int]] = []
        for members in groups where members.count >= settings.minimumTickets {
            let cohesion = members.map { a in
                members.filter { $0 != a }.map { similarity(a, $0) }.reduce(0, +) / Double(members.count - 1)
            }
            let typical = cohesion.sorted()[cohesion.count / 2]
            formed.append(zip(members, cohesion).filter { $0.1 >= typical * pruneRatio }.map(\.0))
        }
        var grouped = Set(formed.joined())
        // Then each ticket left alone joins the group whose centre it is most like, when it is
        // like it enough and arrived within the window: one written in other words than any
        // single member still shares the group's words.
        let centres = formed.map { centre($0, vectors) }
        // Per group: its first and last arrival, and how many of it name each category and system.
        let spans = formed.map { members in
            (members.map { candidates[$0].submittedAt }.min()!, members.map { candidates[$0].submittedAt }.max()!)
        }
        let categories = formed.map { members in
            Dictionary(grouping: members.compactMap { candidates[$0].categoryId }, by: { $0 }).mapValues(\.count)
        }
        let systems = formed.map { members in
            Dictionary(
                grouping: members.compactMap { candidates[$0].system.map(normalizedSystem) }.filter { !$0.isEmpty },
                by: { $0 }
            ).mapValues(\.count)
        }
        for ticket in candidates.indices where !grouped.contains(ticket) {
            var best: (group: Int, score: Double)?
            let candidate = candidates[ticket]
            for (index, members) in formed.enumerated() where members.count >= settings.minimumTickets {
                let (first, last) = spans[index]
                guard max(last, candidate.submittedAt).timeIntervalSince(min(first, candidate.submittedAt)) <= window
                else { continue }
                // The mean of the pair factors with each member.
                let count = Double(members.count)
                let sameCategory = candidate.categoryId.map { Double(categories[index][$0] ?? 0) } ?? 0
                let system = candidate.system.map(normalizedSystem) ?? ""
                let sameSystem = system.isEmpty ? 0 : Double(systems[index][system] ?? 0)
                let factor = 1 + sameCategoryBonus * sameCategory / count + sameSystemBonus * sameSystem / count
                let score = Vectorizer.cosine(vectors.vectors[ticket], centres[index]) * factor
                if score >= attachThreshold, score > (best?.score ?? 0) { best = (index, score) }
            }
            if let best {
                formed[best.group].append(ticket)
                grouped.insert(ticket)
            }
        }
        return formed.filter { $0.count >= settings.minimumTickets }.map { members in
            cluster(members, candidates: candidates, vectors: vectors, similarity: similarity)
        }.sorted {
            $0.numbers.count != $1.numbers.count ? $0.numbers.count > $1.numbers.count : $0.numbers[0] < $1.numbers[0]
        }
    }

    static func pairSimilarity(_ x: [Int: Double], _ y: [Int: Double], _ a: Candidate, _ b: Candidate) -> Double {
        Vectorizer.cosine(x, y) * pairFactor(a, b)
    }

    /// How much more alike two tickets' words count when they name the same category or system.
    static func pairFactor(_ a: Candidate, _ b: Candidate) -> Double {
        var factor = 1.0
        if let category = a.categoryId, category == b.categoryId { factor += sameCategoryBonus }
        if let system = a.system.map(normalizedSystem), !system.isEmpty, system == b.system.map(normalizedSystem) {
            factor += sameSystemBonus
        }
        return factor
    }

    /// The unit-length mean of the members' vectors.
    static func centre(_ members: [Int], _ vectors: Vectorizer) -> [Int: Double] {
        var sum: [Int: Double] = [:]
        for member in members { for (token, value) in vectors.vectors[member] { sum[token, default: 0] += value } }
        let norm = sqrt(sum.values.reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? sum.mapValues { $0 / norm } : sum
    }

    static func normalizedSystem(_ system: String) -> String { SearchAnalyzer.normalize(system) }

    /// Pairs of tickets within the window sharing a token that is not common.
    static func candidatePairs(_ vectors: Vectorizer, candidates: [Candidate], window: Double) -> [(Int, Int)] {
        let common = max(3, min(commonLimit, Int(Double(candidates.count) * commonShare)))
        var postings: [Int: [Int]] = [:]
        for (index, vector) in vectors.vectors.enumerated() {
            for token in vector.keys where vectors.documentFrequency[token, default: 0] <= common {
                postings[token, default: []].append(index)
            }
        }
        var seen = Set<Int>()
        var pairs: [(Int, Int)] = []
        let count = candidates.count
        for list in postings.values {
            for i in list.indices {
                for j in list.indices where j > i {
                    let (a, b) = (list[i], list[j])
                    guard abs(candidates[a].submittedAt.timeIntervalSince(candidates[b].submittedAt)) <= window
                    else { continue }
                    if seen.insert(a * count + b).inserted { pairs.append((a, b)) }
                }
            }
        }
        return pairs
    }

    static func cluster(
        _ members: [Int], candidates: [Candidate], vectors: Vectorizer, similarity: (Int, Int) -> Double
    ) -> Cluster {
        let ordered = members.sorted {
            (candidates[$0].submittedAt, candidates[$0].number) < (candidates[$1].submittedAt, candidates[$1].number)
        }
        var scores: [Double] = []
        for i in ordered.indices {
            for j in ordered.indices where j > i { scores.append(similarity(ordered[i], ordered[j])) }
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
            system: most(ordered.map { candidates[$0].system.flatMap { normalizedSystem($0).isEmpty ? nil : $0 } }))
    }
}

/// TF-IDF vectors of texts over the search analyzer's tokens, unit length.
struct Vectorizer {
    var tokens: [String] = []
    var documentFrequency: [Int: Int] = [:]
    var vectors: [[Int: Double]] = []

    init(_ texts: [String], leavingOut excluded: Set<String> = []) {
        var ids: [String: Int] = [:]
        var counts: [[Int: Int]] = []
        for text in texts {
            var count: [Int: Int] = [:]
            for token in Self.features(of: text) where !excluded.contains(token) {
                let id: Int
                if let known = ids[token] {
                    id = known
                } else {
                    id = tokens.count
                    ids[token] = id
                    tokens.append(token)
                }
                count[id, default: 0] += 1
            }
            for id in count.keys { documentFrequency[id, default: 0] += 1 }
            counts.append(count)
        }
        let total = Double(max(1, texts.count))
        vectors = counts.map { count in
            var vector: [Int: Double] = [:]
            for (id, frequency) in count {
                let idf = log((total + 1) / (Double(documentFrequency[id]!) + 1)) + 1
                vector[id] = (1 + log(Double(frequency))) * idf
            }
            let norm = sqrt(vector.values.reduce(0) { $0 + $1 * $1 })
            return norm > 0 ? vector.mapValues { $0 / norm } : vector
        }
    }

    /// The analyzer's tokens (Han bigrams, words) and each Han character alone, marked, so
    /// that texts saying the same in other words (证书过期, 证书失效) still share features.
    static func features(of text: String) -> [String] {
        let normalized = SearchAnalyzer.normalize(text)
        var features = SearchAnalyzer.tokens(ofNormalized: normalized)
        for scalar in normalized.unicodeScalars where SearchAnalyzer.characterClass(of: scalar) == .ideographic {
            features.append("\u{1}" + String(scalar))
        }
        return features
    }

    static func cosine(_ x: [Int: Double], _ y: [Int: Double]) -> Double {
        let (small, large) = x.count <= y.count ? (x, y) : (y, x)
        var dot = 0.0
        for (token, value) in small { if let other = large[token] { dot += value * other } }
        return dot
    }
}
