import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskUseCases
import Hummingbird

/// Problem records (R6.3, R7.4, ``ProblemService``): the list and a record with its tickets,
/// opening one by hand, updates, confirming or rejecting a proposal, resolving its tickets,
/// and a detection pass on request.
struct ProblemRoutes {
    let problems: ProblemService

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("problems") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let status = try QueryParsing.value(parameters.get("status"), "status", as: ProblemStatus.self)
            let limit = try QueryParsing.limit(parameters.get("limit"), default: 20, range: 1...100)
            let offset = try QueryParsing.offset(parameters.get("cursor"))
            let page = try await problems.list(status: status, limit: limit, offset: offset, for: user)
            return ProblemList(
                items: page.items.map(ProblemResponse.init), nextCursor: page.nextOffset.map(String.init))
        }
        group.post("problems") { request, context in
            let user = try context.requireUser()
            let command = try await request.decodeJSON(ProblemService.Command.self, context: context)
            return EditedResponse(
                status: .created, response: ProblemResponse(try await problems.create(command, by: user)))
        }
        group.post("problems/detect") { _, context in
            try await problems.detect(by: try context.requireUser())
        }
        group.get("problems/:id") { _, context in
            let view = try await problems.view(try Self.id(context), for: try context.requireUser())
            return ProblemResponse(view.problem, tickets: view.tickets)
        }
        group.get("problems/:id/retrospective") { _, context in
            try await problems.retrospective(try Self.id(context), for: try context.requireUser())
        }
        group.put("problems/:id") { request, context in
            let user = try context.requireUser()
            let command = try await request.decodeJSON(ProblemService.Command.self, context: context)
            return ProblemResponse(try await problems.update(try Self.id(context), command, by: user))
        }
        group.post("problems/:id/confirm") { request, context in
            let user = try context.requireUser()
            let body = try await Self.decision(request, context)
            return ProblemResponse(try await problems.confirm(try Self.id(context), version: body.version, by: user))
        }
        group.post("problems/:id/reject") { request, context in
            let user = try context.requireUser()
            let body = try await Self.decision(request, context)
            return ProblemResponse(
                try await problems.reject(try Self.id(context), reason: body.reason, version: body.version, by: user))
        }
        group.post("problems/:id/resolve-tickets") { _, context in
            try await problems.resolveTickets(try Self.id(context), by: try context.requireUser())
        }
    }

    /// `{"version": n, "reason": "…"}`, both optional, the body itself too.
    struct Decision: Decodable {
        var version: Int?
        var reason: String?
    }

    static func decision(_ request: Request, _ context: HelpdeskRequestContext) async throws -> Decision {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return Decision() }
        return try APICoding.decoder.decode(Decision.self, from: buffer)
    }

    static func id(_ context: HelpdeskRequestContext) throws -> Int64 {
        try context.parameters.id(resource: "problem")
    }
}

struct ProblemList: ResponseEncodable {
    let items: [ProblemResponse]
    let nextCursor: String?
}

/// A problem record; with its tickets (number, title, status, open) when read alone.
struct ProblemResponse: ResponseEncodable {
    struct Ticket: Encodable, Sendable {
        let number: String
        let title: String
        let status: TicketStatus
        let isOpen: Bool
    }

    let id: Int64
    let title: String
    let status: ProblemStatus
    let ticketNumbers: [String]
    let rootCause: String?
    let workaround: String?
    let permanentFix: String?
    let preventiveActions: String?
    let articleIds: [Int64]
    let ownerId: Int64?
    let categoryId: Int64?
    let affectedSystem: String?
    let evidence: ProblemEvidence?
    let rejectionReason: String?
    let createdAt: Date
    let updatedAt: Date
    let version: Int
    let tickets: [Ticket]?

    init(_ problem: ProblemRecord) { self.init(problem, tickets: nil) }

    init(_ problem: ProblemRecord, tickets: [LinkedTicket]?) {
        id = problem.id
        title = problem.title
        status = problem.status
        ticketNumbers = problem.ticketNumbers
        rootCause = problem.rootCause
        workaround = problem.workaround
        permanentFix = problem.permanentFix
        preventiveActions = problem.preventiveActions
        articleIds = problem.articleIds
        ownerId = problem.ownerId
        categoryId = problem.categoryId
        affectedSystem = problem.affectedSystem
        evidence = problem.evidence
        rejectionReason = problem.rejectionReason
        createdAt = problem.createdAt
        updatedAt = problem.updatedAt
        version = problem.version
        self.tickets = tickets?.map { Ticket(number: $0.number, title: $0.title, status: $0.status, isOpen: $0.isOpen) }
    }
}

extension ProblemService.Detection: ResponseEncodable {}
extension ProblemRetrospective: ResponseEncodable {}
extension ProblemService.Resolution: ResponseEncodable {}
