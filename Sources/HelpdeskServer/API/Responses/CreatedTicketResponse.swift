import Foundation
import HelpdeskCore
import Hummingbird

struct CreatedTicketResponse: ResponseEncodable {
    let ticket: TicketResponse
    let acknowledgement: AcknowledgementResponse
    let warnings: [Warning]
}
