import Foundation

/// The desk asked the requester for the details a request lacks (R1.3): the ticket waits on
/// them with the fields listed, and returns to where it was once they are filled in.
public struct InfoRequest: Codable, Equatable, Sendable {
    /// Keys of `Ticket.details` the requester is asked for.
    public var fields: [String]
    public var note: String?
    public var requestedById: Int64
    public var requestedByName: String
    public var requestedAt: Date
    /// The status the ticket goes back to.
    public var resumeStatus: TicketStatus

    public init(
        fields: [String], note: String?, requestedById: Int64, requestedByName: String, requestedAt: Date,
        resumeStatus: TicketStatus
    ) {
        self.fields = fields
        self.note = note
        self.requestedById = requestedById
        self.requestedByName = requestedByName
        self.requestedAt = requestedAt
        self.resumeStatus = resumeStatus
    }
}
