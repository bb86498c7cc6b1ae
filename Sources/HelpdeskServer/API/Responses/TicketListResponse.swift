import Foundation
import Hummingbird
import HelpdeskCore

struct TicketListResponse: Encodable, ResponseGenerator {
    let items: [TicketSummaryResponse]
    let nextCursor: String?
}
