/// How a group hands out new tickets (R4.1): by a person (the problem manager or the group
/// lead), in turn, or to the engineer with the least open work.
public enum AssignmentMode: String, Codable, CaseIterable, Sendable {
    case manual
    case roundRobin = "round_robin"
    case leastLoaded = "least_loaded"
}
