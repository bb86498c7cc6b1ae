import Foundation
import HelpdeskCore
import Hummingbird

struct TicketListResponse: Encodable, ResponseGenerator {
    let items: [TicketSummaryResponse]
    let nextCursor: String?
}
