import Foundation

/// The tickets of one detection pass and how alike each two are (R6.3).
///
/// The similarity of two tickets is the cosine of their words' vectors (the words naming systems left out:
/// tickets about other problems of the same system share them), times
/// `1 + sameCategoryBonus + sameSystemBonus` as far as they name the same category and the same affected
/// system, times `1 + sameTimeBonus × e^(−days apart / timeScaleDays)`: the tickets of one problem come as
/// a burst, those of other problems of the same system at any time.
///
/// Only pairs arriving within the window and sharing a word that is not common are compared as neighbours
/// (`commonShare`, `commonLimit`), which keeps a pass over a busy desk's week near-linear; the similarity
/// of any other pair is still computed exactly when a group's average needs it.
final class SimilarityGraph {
    static let sameCategoryBonus = 0.3
    static let sameSystemBonus = 3.0
    static let sameTimeBonus = 1.0
    static let timeScaleDays = 3.0
    /// Tokens in more than this share of the tickets do not, alone, make two tickets neighbours (they still
    /// count in the cosine).
    static let commonShare = 0.2
    /// And in more than this many: on a busy desk a word shared by hundreds of tickets says little, and
    /// comparing them all would be quadratic.
    static let commonLimit = 50

    let candidates: [RecurrenceDetection.Candidate]
    let vectors: Vectorizer
    let window: Double
    /// Each ticket's affected system (normalized, numbered), nil when it names none.
    let systems: [Int?]
    let times: [Double]
    /// Each ticket's neighbours, most similar first.
    private(set) var nearest: [[Int]] = []
    /// The same by `wordSimilarity`: the order a ticket naming no system is judged in.
    private(set) var nearestByWords: [[Int]] = []
    private var cosines: [Int: Double] = [:]

    var count: Int { candidates.count }

    init(_ candidates: [RecurrenceDetection.Candidate], window: Double) {
        self.candidates = candidates
        self.window = window
        var systemWords = Set<String>()
        var numbers: [String: Int] = [:]
        var systems: [Int?] = []
        for candidate in candidates {
            let system = candidate.system.map(RecurrenceDetection.normalizedSystem) ?? ""
            guard !system.isEmpty else {
                systems.append(nil)
                continue
            }
            if numbers[system] == nil {
                numbers[system] = numbers.count
                systemWords.formUnion(Vectorizer.features(of: system))
            }
            systems.append(numbers[system])
        }
        self.systems = systems
        vectors = Vectorizer(candidates.map(\.text), leavingOut: systemWords)
        times = candidates.map { $0.submittedAt.timeIntervalSinceReferenceDate }
        var lists = Array(repeating: [(Int, Double, Double)](), count: candidates.count)
        for (a, b) in neighbourPairs() {
            let (full, words) = (similarity(a, b), wordSimilarity(a, b))
            lists[a].append((b, full, words))
            lists[b].append((a, full, words))
        }
        nearest = lists.map { list in list.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0) }
        nearestByWords = lists.map { list in list.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.map(\.0) }
    }

    /// How alike two tickets are: see the type's description.
    func similarity(_ a: Int, _ b: Int) -> Double {
        var factor = 1.0
        if let category = candidates[a].categoryId, category == candidates[b].categoryId {
            factor += Self.sameCategoryBonus
        }
        if let system = systems[a], system == systems[b] { factor += Self.sameSystemBonus }
        return cosine(a, b) * factor * timeFactor(a, b)
    }

    /// The same, the affected system left out.
    func wordSimilarity(_ a: Int, _ b: Int) -> Double {
        var factor = 1.0
        if let category = candidates[a].categoryId, category == candidates[b].categoryId {
            factor += Self.sameCategoryBonus
        }
        return cosine(a, b) * factor * timeFactor(a, b)
    }

    /// Whether `ticket` is among the `count` nearest neighbours of `other`.
    func isNear(_ ticket: Int, to other: Int, count: Int, byWords: Bool = false) -> Bool {
        (byWords ? nearestByWords[other] : nearest[other]).prefix(count).contains(ticket)
    }

    /// Pairs that are each among the other's `count` nearest neighbours.
    func mutualNeighbours(_ count: Int) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for a in nearest.indices {
            for b in nearest[a].prefix(count) where b > a && nearest[b].prefix(count).contains(a) {
                pairs.append((a, b))
            }
        }
        return pairs
    }

    func arrivedWithinWindow(_ members: [Int]) -> Bool {
        guard let first = members.map({ times[$0] }).min(), let last = members.map({ times[$0] }).max() else {
            return true
        }
        return last - first <= window
    }

    private func timeFactor(_ a: Int, _ b: Int) -> Double {
        1 + Self.sameTimeBonus * exp(-abs(times[a] - times[b]) / 86_400 / Self.timeScaleDays)
    }

    private func cosine(_ a: Int, _ b: Int) -> Double {
        let key = min(a, b) * count + max(a, b)
        if let known = cosines[key] { return known }
        let value = Vectorizer.cosine(vectors.vectors[a], vectors.vectors[b])
        cosines[key] = value
        return value
    }

    /// Pairs of tickets within the window sharing a token that is not common.
    private func neighbourPairs() -> [(Int, Int)] {
        let common = max(3, min(Self.commonLimit, Int(Double(count) * Self.commonShare)))
        var postings: [Int: [Int]] = [:]
        for (index, vector) in vectors.vectors.enumerated() {
            for token in vector.keys where vectors.documentFrequency[token, default: 0] <= common {
                postings[token, default: []].append(index)
            }
        }
        var seen = Set<Int>()
        var pairs: [(Int, Int)] = []
        for list in postings.values {
            for i in list.indices {
                for j in list.indices where j > i {
                    let (a, b) = (list[i], list[j])
                    guard abs(times[a] - times[b]) <= window else { continue }
                    if seen.insert(a * count + b).inserted { pairs.append((a, b)) }
                }
            }
        }
        return pairs
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
