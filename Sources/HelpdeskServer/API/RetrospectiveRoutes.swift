import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `GET` and `PUT /api/v1/tickets/{number}/retrospective`: a major incident's retrospective
/// (R7.4) and its conclusions, the root cause and the preventive actions (``HandlingService``).
struct RetrospectiveRoutes {
    let handling: HandlingService

    struct Retrospective: ResponseEncodable {
        var timeZone: String
        var retrospective: IncidentRetrospective
    }

    struct Conclusions: Decodable {
        var rootCause: String?
        var preventiveActions: String?
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("tickets/:number/retrospective") { _, context in
            try await retrospective(try context.parameters.require("number"), for: try context.requireUser())
        }
        group.put("tickets/:number/retrospective") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(Conclusions.self, context: context)
            let view = try await handling.recordRetrospective(
                try request.ticketRef(context), rootCause: body.rootCause, preventiveActions: body.preventiveActions,
                by: user)
            return try await retrospective(view.ticket.number, for: user)
        }
    }

    func retrospective(_ number: String, for user: User) async throws -> Retrospective {
        let (view, retrospective) = try await handling.retrospective(number, for: user)
        return Retrospective(timeZone: view.rules.calendar.timeZoneIdentifier, retrospective: retrospective)
    }
}
