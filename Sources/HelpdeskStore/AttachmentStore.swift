import Foundation

/// Ticket attachments (R1.2: screenshots, logs). Part of ``HelpdeskStore``; access control is
/// the caller's job (the server checks `Access.canView` on the ticket first).
public protocol AttachmentStore: Sendable {
    func addAttachment(_ attachment: Attachment, data: Data, now: Date) async throws -> Attachment
    /// Metadata of a ticket's attachments, oldest first; no file contents.
    func attachments(ticketId: Int64) async throws -> [Attachment]
    /// One attachment's metadata, the number of its ticket, and its contents.
    func attachment(id: Int64) async throws -> (attachment: Attachment, ticketNumber: String, data: Data)?
}

/// An attachment's metadata.
public struct Attachment: Codable, Equatable, Sendable {
    public var id: Int64
    public var ticketId: Int64
    public var filename: String
    public var contentType: String
    public var size: Int
    public var uploadedBy: Int64
    public var createdAt: Date

    public init(
        id: Int64 = 0, ticketId: Int64, filename: String, contentType: String, size: Int = 0, uploadedBy: Int64,
        createdAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.id = id
        self.ticketId = ticketId
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }
}
