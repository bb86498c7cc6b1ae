/// A handling group such as 运维组 or 网络运维组 (R4.1).
public struct SupportGroup: Codable, Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var nameEn: String?

    public init(id: Int64 = 0, name: String, nameEn: String? = nil) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
    }
}
