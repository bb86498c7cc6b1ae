import Foundation
import Hummingbird
import HelpdeskCore

struct CreatedTicketResponse: ResponseEncodable {
    let ticket: TicketResponse
    let acknowledgement: AcknowledgementResponse
    let warnings: [Warning]
}
