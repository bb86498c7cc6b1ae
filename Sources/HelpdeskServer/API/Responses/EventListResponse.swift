import Foundation
import HelpdeskCore
import Hummingbird

struct EventListResponse: ResponseEncodable {
    let items: [EventResponse]
}
