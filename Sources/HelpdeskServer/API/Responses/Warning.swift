import Foundation
import Hummingbird
import HelpdeskCore

struct Warning: Encodable {
    let code: String
    let message: String
}
