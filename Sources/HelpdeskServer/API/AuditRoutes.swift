import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/api/v1/audit` (admins): the audit log, newest first, filtered by subject, actor and time.
struct AuditRoutes {
    let audit: AuditService

    struct EntryResponse: ResponseEncodable {
        let id: Int64
        let at: Date
        let actorId: Int64?
        let actorName: String
        let action: String
        let subjectId: Int64?
        let ticketNumber: String?
        let target: String?
        let detail: [String: String]
        let hash: String

        init(_ entry: AuditEntry) {
            id = entry.id
            at = entry.at
            actorId = entry.actorId
            actorName = entry.actorName
            action = entry.action.rawValue
            subjectId = entry.subjectId
            ticketNumber = entry.ticketNumber
            target = entry.target
            detail = entry.detail
            hash = entry.hash
        }
    }

    struct Page: ResponseEncodable {
        let items: [EntryResponse]
        let nextCursor: Int64?
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("audit") { request, context in
            let user = try context.requireUser()
            let page = try await audit.list(try Self.query(request.uri.queryParameters), for: user)
            return Page(items: page.items.map(EntryResponse.init), nextCursor: page.nextCursor)
        }
    }

    /// The filters as the API and the admin page read them.
    static func query(_ parameters: Parameters) throws -> AuditQuery {
        func date(_ name: String) throws -> Date? { try QueryParsing.date(parameters.get(name), name) }
        return AuditQuery(
            subjectId: try QueryParsing.id(parameters.get("subject"), "subject"),
            actorId: try QueryParsing.id(parameters.get("actor"), "actor"), since: try date("since"),
            until: try date("until"), before: try QueryParsing.id(parameters.get("cursor"), "cursor"),
            limit: try QueryParsing.limit(parameters.get("limit"), default: 50, range: AuditQuery.limits))
    }
}
