import Foundation

/// How the handler means to solve the ticket (R4.4): a temporary fix, the root fix or an
/// optimisation, the steps, when it should be done and what support it needs. A public plan
/// is shown to the requester in plain words; an internal one only to staff.
public struct HandlingPlan: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case temporaryFix = "temporary_fix"
        case rootFix = "root_fix"
        case optimisation
    }

    public var kind: Kind
    public var steps: String
    public var eta: Date?
    public var support: String?
    public var visibility: TicketEvent.Visibility
    public var authorId: Int64
    public var authorName: String
    public var recordedAt: Date

    public init(
        kind: Kind, steps: String, eta: Date?, support: String?, visibility: TicketEvent.Visibility, authorId: Int64,
        authorName: String, recordedAt: Date
    ) {
        self.kind = kind
        self.steps = steps
        self.eta = eta
        self.support = support
        self.visibility = visibility
        self.authorId = authorId
        self.authorName = authorName
        self.recordedAt = recordedAt
    }
}
