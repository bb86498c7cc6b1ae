import Foundation
import Hummingbird
import HelpdeskCore

struct EventListResponse: ResponseEncodable {
    let items: [EventResponse]
}
