import Foundation
import HelpdeskCore

public struct CategoryCommand: Decodable, Sendable, Equatable {
    public var categoryId: Int64
    public var subcategoryId: Int64?
    public var reason: String?

    public init(categoryId: Int64, subcategoryId: Int64? = nil, reason: String? = nil) {
        self.categoryId = categoryId
        self.subcategoryId = subcategoryId
        self.reason = reason
    }
}
