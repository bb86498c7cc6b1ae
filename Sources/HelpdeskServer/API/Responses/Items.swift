import Foundation
import HelpdeskCore
import Hummingbird

/// `{"items": [...]}`, the shape of every plain list the API returns.
struct Items<T: Encodable & Sendable>: ResponseEncodable {
    let items: [T]
}
