import HelpdeskCore

public struct GroupCommand: Decodable, Sendable, Equatable {
    public var name: String
    public var nameEn: String?
    public var leadUserId: Int64?
    /// Absent: manual.
    public var assignmentMode: AssignmentMode?

    public init(
        name: String, nameEn: String? = nil, leadUserId: Int64? = nil, assignmentMode: AssignmentMode? = nil
    ) {
        self.name = name
        self.nameEn = nameEn
        self.leadUserId = leadUserId
        self.assignmentMode = assignmentMode
    }
}
