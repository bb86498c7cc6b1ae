import Foundation

/// The internal check of a solution before the requester is told (R5.1), kept on the ticket
/// from the handler's resolve until the next resolve. A failed check clears it; its reason is
/// in the history.
public struct Verification: Codable, Equatable, Sendable {
    /// Who resolved the ticket; they may not verify their own solution.
    public var resolverId: Int64
    /// When the solution was given and the check asked for.
    public var requestedAt: Date
    /// Who passed the check, and when; nil while it waits.
    public var verifierId: Int64?
    public var verifierName: String?
    public var verifiedAt: Date?

    public init(
        resolverId: Int64, requestedAt: Date, verifierId: Int64? = nil, verifierName: String? = nil,
        verifiedAt: Date? = nil
    ) {
        self.resolverId = resolverId
        self.requestedAt = requestedAt
        self.verifierId = verifierId
        self.verifierName = verifierName
        self.verifiedAt = verifiedAt
    }
}
