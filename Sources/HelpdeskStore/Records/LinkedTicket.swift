import Foundation
import HelpdeskCore

public struct LinkedTicket: Codable, Equatable, Sendable {
    public var number: String
    public var title: String
    public var status: TicketStatus
    public var requesterUserId: Int64?
    public var isOpen: Bool
    public var submittedAt: Date? = nil
}
