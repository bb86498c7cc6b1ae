/// Who a major-incident update goes to besides leadership and the linked requesters (R8.2):
/// whole support groups, and every active user of the named departments.
public struct BroadcastAudience: Hashable, Sendable {
    public var groupIds: [Int64]
    public var departments: [String]

    public static let maxDepartments = 50
    public static let maxDepartmentLength = 100

    public init(groupIds: [Int64] = [], departments: [String] = []) {
        self.groupIds = groupIds
        self.departments = departments
    }

    /// Departments trimmed, de-duplicated and bounded; groups de-duplicated in order.
    func validated() throws(WorkflowError) -> BroadcastAudience {
        var seen: Set<String> = []
        var names: [String] = []
        for raw in departments {
            guard let name = Workflow.trimmed(raw) else { continue }
            // A comma would split the name in the recorded event.
            guard name.count <= Self.maxDepartmentLength, !name.contains(",") else {
                throw .invalidValue(field: "departments")
            }
            if seen.insert(name).inserted { names.append(name) }
        }
        guard names.count <= Self.maxDepartments, groupIds.count <= Self.maxDepartments else {
            throw .invalidValue(field: "departments")
        }
        var groups: [Int64] = []
        for id in groupIds where !groups.contains(id) { groups.append(id) }
        return BroadcastAudience(groupIds: groups, departments: names)
    }

    var recipients: [Recipient] {
        groupIds.map { .group($0, minimumTier: nil) } + departments.map(Recipient.department)
    }
}
