import Foundation
import HelpdeskCore
import Hummingbird

struct CreatedTicketResponse: ResponseEncodable {
    let ticket: TicketResponse
    let acknowledgement: AcknowledgementResponse
    let warnings: [Warning]
    /// The best published public articles for what was asked (R6.2), brief, at most three.
    let suggestedArticles: [KBArticleResponse]
}
