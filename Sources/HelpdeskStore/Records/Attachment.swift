import Foundation

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
