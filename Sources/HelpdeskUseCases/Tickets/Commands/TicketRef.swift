import Foundation
import HelpdeskCore

/// Which ticket a change is for, and the version the client last saw (`If-Match`), if any.
public struct TicketRef: Sendable, Equatable {
    public let number: String
    public let expectedVersion: Int?

    public init(number: String, expectedVersion: Int? = nil) {
        self.number = number
        self.expectedVersion = expectedVersion
    }
}
