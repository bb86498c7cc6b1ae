import Foundation
import HelpdeskCore

/// Everything the desk holds on one person (PIPL Art. 45 access request): their profile, the
/// tickets they asked for with the messages they could see, and the list of files.
public struct SubjectExport: Codable, Sendable {
    public struct Message: Codable, Sendable {
        public let at: Date
        public let author: String
        public let kind: String
        public let text: String
    }

    public struct File: Codable, Sendable {
        public let filename: String
        public let contentType: String
        public let size: Int
        public let createdAt: Date
    }

    public struct ExportedTicket: Codable, Sendable {
        public let number: String
        public let title: String
        public let description: String
        public let details: [String: String]
        public let contact: String
        public let status: TicketStatus
        public let priority: Priority
        public let submittedAt: Date
        public let closedAt: Date?
        public let workaround: String?
        public let solution: String?
        public let satisfaction: Satisfaction?
        public let messages: [Message]
        public let attachments: [File]
    }

    public let exportedAt: Date
    public let user: User
    public let tickets: [ExportedTicket]
}
