import Foundation

/// Steps 2 to 4 of detection (R6.3): what leaves a group and what joins it after average linkage.
extension RecurrenceDetection {
    /// Step 2. A member whose mean similarity to the rest of its group is well below the group's median
    /// (`pruneRatio`) only shares their system or a common word, and leaves. So does one somewhat below the
    /// median that few of the others count among their nearest neighbours (`pruneVotes`): the members of one
    /// problem are each other's nearest, a ticket about another problem of the same system is not theirs.
    /// A member at least `pruneKeep` like the rest on average is plainly one of them and stays (a group of
    /// three may hold two near copies). Groups left with fewer than `minimum` tickets dissolve.
    static func pruned(_ groups: [[Int]], _ graph: SimilarityGraph, minimum: Int) -> [[Int]] {
        groups.compactMap { members in
            guard members.count >= minimum else { return nil }
            let others = members.count - 1
            func means(_ similarity: (Int, Int) -> Double) -> [Double] {
                members.map { a in members.filter { $0 != a }.map { similarity(a, $0) }.reduce(0, +) / Double(others) }
            }
            let full = means(graph.similarity)
            let words = means(graph.wordSimilarity)
            let (typical, typicalWords) = (median(full), median(words))
            let kept = members.indices.filter { index in
                let ticket = members[index]
                // One naming no system is judged by its words, against the group's words.
                let byWords = graph.systems[ticket] == nil
                let mean = byWords ? words[index] : full[index]
                let ratio = mean / max(byWords ? typicalWords : typical, .leastNormalMagnitude)
                let votes = members.filter {
                    $0 != ticket && graph.isNear(ticket, to: $0, count: others, byWords: byWords)
                }.count
                return mean >= pruneKeep
                    || ratio >= pruneRatio && (Double(votes) >= pruneVotes * Double(others) || ratio >= 1)
            }.map { members[$0] }
            return kept.count >= minimum ? kept : nil
        }
    }

    /// Step 3. Each ticket in no group joins the group it is most like, relative to how like each other the
    /// members are (`attachRatio`), when it is like it at all (`attachFloor`), more than `attachVotes` of
    /// the members count it among their nearest neighbours, and it arrived within the window of them all:
    /// a ticket written in other words than any single member often still shares the group's words.
    static func attached(_ groups: [[Int]], _ graph: SimilarityGraph) -> [[Int]] {
        var owner: [Int: Int] = [:]
        for (index, members) in groups.enumerated() { for member in members { owner[member] = index } }
        let cohesion = groups.map { meanPairSimilarity($0, graph.similarity) }
        let wordCohesion = groups.map { meanPairSimilarity($0, graph.wordSimilarity) }
        var additions = Array(repeating: [Int](), count: groups.count)
        for ticket in 0..<graph.count where owner[ticket] == nil {
            let byWords = graph.systems[ticket] == nil
            let similarity = byWords ? graph.wordSimilarity : graph.similarity
            var best: (group: Int, ratio: Double)?
            // Only groups holding one of its neighbours can count it among their nearest.
            for index in Set(graph.nearest[ticket].compactMap { owner[$0] }).sorted() {
                let members = groups[index]
                guard graph.arrivedWithinWindow(members + [ticket]) else { continue }
                let mean = members.map { similarity(ticket, $0) }.reduce(0, +) / Double(members.count)
                let ratio = mean / max(byWords ? wordCohesion[index] : cohesion[index], .leastNormalMagnitude)
                guard mean >= attachFloor, ratio >= attachRatio, ratio > (best?.ratio ?? 0) else { continue }
                let votes = members.filter {
                    graph.isNear(ticket, to: $0, count: members.count, byWords: byWords)
                }.count
                if Double(votes) > attachVotes * Double(members.count) { best = (index, ratio) }
            }
            if let best { additions[best.group].append(ticket) }
        }
        return zip(groups, additions).map { $0 + $1 }
    }

    /// Step 4. A ticket in no group written in another script than the groups (an English ticket on a
    /// Chinese desk) shares hardly a word with them whatever it says: its fields decide. It joins the group
    /// when that is the only one within the window, writing Han, most of whose members name the ticket's
    /// affected system and its category (if it names one).
    static func attachedInOtherScript(_ groups: [[Int]], _ graph: SimilarityGraph) -> [[Int]] {
        let grouped = Set(groups.joined())
        let han = graph.candidates.map { hanShare($0.text) }
        let groupHan = groups.map { members in members.map { han[$0] }.reduce(0, +) / Double(members.count) }
        var additions = Array(repeating: [Int](), count: groups.count)
        for ticket in 0..<graph.count where !grouped.contains(ticket) && han[ticket] < hanTicketShare {
            guard let system = graph.systems[ticket] else { continue }
            let category = graph.candidates[ticket].categoryId
            let matches = groups.indices.filter { index in
                let members = groups[index]
                let sameSystem = members.filter { graph.systems[$0] == system }.count
                let sameCategory = members.filter { graph.candidates[$0].categoryId == category }.count
                return groupHan[index] >= hanGroupShare && sameSystem * 2 > members.count
                    && (category == nil || sameCategory * 2 > members.count)
                    && graph.arrivedWithinWindow(members + [ticket])
            }
            if matches.count == 1 { additions[matches[0]].append(ticket) }
        }
        return zip(groups, additions).map { $0 + $1 }
    }

    /// The share of a text's letters and digits that are Han (or Kana) characters.
    static func hanShare(_ text: String) -> Double {
        var (han, other) = (0, 0)
        for scalar in SearchAnalyzer.normalize(text).unicodeScalars {
            switch SearchAnalyzer.characterClass(of: scalar) {
            case .ideographic: han += 1
            case .word: other += 1
            case .separator: break
            }
        }
        return Double(han) / Double(max(1, han + other))
    }

    static func meanPairSimilarity(_ members: [Int], _ similarity: (Int, Int) -> Double) -> Double {
        var (total, pairs) = (0.0, 0)
        for i in members.indices {
            for j in members.indices where j > i {
                total += similarity(members[i], members[j])
                pairs += 1
            }
        }
        return total / Double(max(1, pairs))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
