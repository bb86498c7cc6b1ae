import Foundation

public struct LinkedTicket: Codable, Equatable, Sendable {
    public var number: String
    public var requesterUserId: Int64?
    public var isOpen: Bool
}
