import Foundation
import HelpdeskCore

public struct WorkaroundCommand: Decodable, Sendable, Equatable {
    public var workaround: String
    public var eta: Date?

    public init(workaround: String, eta: Date? = nil) {
        self.workaround = workaround
        self.eta = eta
    }
}
