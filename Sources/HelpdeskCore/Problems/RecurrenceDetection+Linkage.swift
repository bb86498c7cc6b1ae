import Foundation

/// Step 1 of detection (R6.3): average linkage. Every ticket starts as a group of its own; the two groups
/// whose tickets are the most similar on average (over every pair of a ticket of one and a ticket of the
/// other) join, then the next two, while that average reaches the threshold and all the tickets of the two
/// arrived within the window. Only groups linked by a pair of mutual nearest neighbours are compared, so the
/// number of comparisons grows with the tickets, not with their square.
enum AverageLinkage {
    static func groups(_ graph: SimilarityGraph, threshold: Double) -> [[Int]] {
        var members = (0..<graph.count).map { [$0] }
        // Per group: the summed similarity to each group it is linked with.
        var links = Array(repeating: [Int: Double](), count: graph.count)
        for (a, b) in graph.mutualNeighbours(RecurrenceDetection.neighbours) {
            let score = graph.similarity(a, b)
            links[a][b] = score
            links[b][a] = score
        }
        // A group's version changes when it grows: entries queued for an older one are stale.
        var versions = Array(repeating: 0, count: graph.count)
        var queue = MergeQueue()
        func offer(_ x: Int, _ y: Int) {
            let (left, right) = (min(x, y), max(x, y))
            let average = links[left][right]! / Double(members[left].count * members[right].count)
            guard average >= threshold, graph.arrivedWithinWindow(members[left] + members[right]) else { return }
            queue.push(
                .init(average: average, left: left, right: right, versions: (versions[left], versions[right])))
        }
        func total(_ x: [Int], _ y: [Int]) -> Double {
            var sum = 0.0
            for a in x { for b in y { sum += graph.similarity(a, b) } }
            return sum
        }
        for group in links.indices { for other in links[group].keys where other > group { offer(group, other) } }
        while let merge = queue.pop() {
            let (left, right) = (merge.left, merge.right)
            guard versions[left] == merge.versions.0, versions[right] == merge.versions.1 else { continue }
            // The right group joins the left one; the sums to their other links add up.
            var joined: [Int: Double] = [:]
            for other in Set(links[left].keys).union(links[right].keys) where other != left && other != right {
                let fromLeft = links[left][other] ?? total(members[left], members[other])
                let fromRight = links[right][other] ?? total(members[right], members[other])
                joined[other] = fromLeft + fromRight
            }
            for other in links[right].keys { links[other][right] = nil }
            links[right] = [:]
            members[left] += members[right]
            members[right] = []
            versions[left] += 1
            versions[right] += 1
            links[left] = joined
            for (other, sum) in joined {
                links[other][left] = sum
                offer(left, other)
            }
        }
        return members.filter { !$0.isEmpty }
    }
}

/// The pending joins, the best first: the highest average, then the lowest group numbers.
struct MergeQueue {
    struct Entry {
        var average: Double
        var left: Int
        var right: Int
        var versions: (Int, Int)

        func precedes(_ other: Entry) -> Bool {
            average != other.average ? average > other.average : (left, right) < (other.left, other.right)
        }
    }

    private var heap: [Entry] = []

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            var best = parent
            if left < heap.count, heap[left].precedes(heap[best]) { best = left }
            if right < heap.count, heap[right].precedes(heap[best]) { best = right }
            guard best != parent else { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
