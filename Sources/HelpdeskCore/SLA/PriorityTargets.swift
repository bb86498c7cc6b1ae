/// The SLA targets for one priority (R3.1).
public struct PriorityTargets: Hashable, Codable, Sendable {
    public var priority: Priority
    /// Time to first response; never paused.
    public var response: SLATarget
    /// Time to resolution; paused while the ticket is in a pause status.
    public var resolution: SLATarget
    /// A second, later resolution limit on the same (pausable) resolution clock, e.g. P0's 4 h.
    public var hardLimit: SLATarget?

    public init(priority: Priority, response: SLATarget, resolution: SLATarget, hardLimit: SLATarget? = nil) {
        self.priority = priority
        self.response = response
        self.resolution = resolution
        self.hardLimit = hardLimit
    }
}
