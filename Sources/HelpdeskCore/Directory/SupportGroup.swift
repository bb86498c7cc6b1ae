/// A handling group such as 运维组 or 网络运维组 (R4.1).
public struct SupportGroup: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var nameEn: String?
    /// 组长: told about warnings, overdue receipts and collaboration (R3.4, R4.3, R4.7);
    /// when nil the whole group is.
    public var leadUserId: Int64?
    /// How new tickets routed to the group get their engineer (R4.1).
    public var assignmentMode: AssignmentMode

    public init(
        id: Int64 = 0, name: String, nameEn: String? = nil, leadUserId: Int64? = nil,
        assignmentMode: AssignmentMode = .manual
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.leadUserId = leadUserId
        self.assignmentMode = assignmentMode
    }
}
