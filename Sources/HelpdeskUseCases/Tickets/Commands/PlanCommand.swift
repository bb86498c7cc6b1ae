import Foundation
import HelpdeskCore

/// The handling plan as a face hands it in (R4.4); `public` absent means internal.
public struct PlanCommand: Decodable, Sendable, Equatable {
    public var kind: HandlingPlan.Kind
    public var steps: String?
    public var eta: Date?
    public var support: String?
    public var `public`: Bool?

    public init(kind: HandlingPlan.Kind, steps: String?, eta: Date? = nil, support: String? = nil, public: Bool? = nil)
    {
        self.kind = kind
        self.steps = steps
        self.eta = eta
        self.support = support
        self.public = `public`
    }
}
