import Foundation
import HelpdeskCore

public struct WorklogCommand: Decodable, Sendable, Equatable {
    public var body: String
    public var visibility: TicketEvent.Visibility?

    public init(body: String, visibility: TicketEvent.Visibility? = nil) {
        self.body = body
        self.visibility = visibility
    }
}
