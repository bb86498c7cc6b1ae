import Foundation
import Hummingbird
import HelpdeskCore

/// `{"items": [...]}`, the shape of every plain list the API returns.
struct Items<T: Encodable & Sendable>: ResponseEncodable {
    let items: [T]
}
