import Foundation
import HelpdeskCore
import Hummingbird

/// The automatic acknowledgement (R1.5): number, expected response and resolution.
struct AcknowledgementResponse: Encodable {
    let number: String
    let responseDueAt: Date
    let resolutionDueAt: Date?
    /// Submitted outside the channel's service hours (R8.3).
    let outsideServiceHours: Bool
    /// When the desk will look at it, if outside service hours.
    let lookedAtFrom: Date?
    let message: String

    init(_ ack: Acknowledgement, message: String) {
        number = ack.number
        responseDueAt = ack.responseDueAt
        resolutionDueAt = ack.resolutionDueAt
        outsideServiceHours = ack.outsideServiceHours
        lookedAtFrom = ack.lookedAtFrom
        self.message = message
    }
}
