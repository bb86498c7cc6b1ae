import Foundation
import HelpdeskCore
import Hummingbird

struct Warning: Encodable {
    let code: String
    let message: String
}
