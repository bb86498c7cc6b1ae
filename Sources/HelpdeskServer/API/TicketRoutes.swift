import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/api/v1/tickets`: intake, reading, listing, workflow moves and the handling record.
/// Each handler decodes, runs one ``TicketService`` use case and presents the result.
struct TicketRoutes {
    let tickets: TicketService
    let knowledge: KnowledgeService
    let presenter: TicketPresenter
    let localizer: Localizer

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.post("tickets", use: create)
        group.get("tickets", use: list)
        group.get("tickets/:number", use: get)
        group.post("tickets/:number/transitions") { request, context in
            try await presenter.update(request, context, TransitionCommand.self, tickets.transition)
        }
        group.post("tickets/:number/verification") { request, context in
            try await presenter.update(request, context, VerificationCommand.self, tickets.verify)
        }
        group.get("tickets/:number/events", use: events)
        group.post("tickets/:number/reveal", use: reveal)
        group.post("tickets/:number/worklog", use: worklog)
        group.put("tickets/:number/workaround") { request, context in
            try await presenter.update(request, context, WorkaroundCommand.self, tickets.setWorkaround)
        }
        group.put("tickets/:number/priority") { request, context in
            try await presenter.update(request, context, PriorityCommand.self, tickets.changePriority)
        }
        group.put("tickets/:number/category") { request, context in
            try await presenter.update(request, context, CategoryCommand.self, tickets.changeCategory)
        }
    }

    @Sendable func create(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<CreatedTicketResponse>
    {
        let user = try context.requireUser()
        let submission = try await request.decodeJSON(TicketSubmission.self, context: context)
        let created = try await tickets.create(submission, by: user)
        let ticket = created.view.ticket
        let text = AcknowledgementText(localizer: localizer, locale: request.locale(for: user))
        let response = CreatedTicketResponse(
            ticket: presenter.present(created.view, to: user, state: created.state),
            acknowledgement: AcknowledgementResponse(
                created.acknowledgement, message: text.message(created.acknowledgement, created.view.rules.calendar)),
            warnings: created.warnings.map {
                Warning(code: $0.rawValue, message: text.warning($0, missing: ticket.missingDetails))
            },
            suggestedArticles: try await knowledge.forAcknowledgement(
                title: ticket.title, description: ticket.description
            ).map { KBArticleResponse($0.article, snippet: $0.snippet, brief: true) })
        var edited = EditedResponse(status: .created, response: response)
        edited.headers[.location] = "/api/v1/tickets/\(ticket.number)"
        edited.headers[.eTag] = "\"\(ticket.version)\""
        return edited
    }

    @Sendable func get(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<TicketResponse>
    {
        let user = try context.requireUser()
        let view = try await tickets.view(try context.parameters.require("number"), for: user)
        var response = EditedResponse(response: presenter.present(view, to: user))
        response.headers[.eTag] = "\"\(view.ticket.version)\""
        return response
    }

    @Sendable func list(_ request: Request, context: HelpdeskRequestContext) async throws -> TicketListResponse {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        var filter = TicketFilter()
        filter.statuses = try QueryParsing.list(parameters.get("status"), "status", TicketStatus.init(rawValue:))
        filter.priorities = try QueryParsing.list(parameters.get("priority"), "priority", Priority.init(rawValue:))
        filter.categoryId = try QueryParsing.id(parameters.get("category"), "category")
        filter.groupId = try QueryParsing.id(parameters.get("group"), "group")
        switch parameters.get("assignee") {
        case "me": filter.assignee = .me
        case "none": filter.assignee = .nobody
        case let value: filter.assignee = try QueryParsing.id(value, "assignee").map { .user($0) }
        }
        filter.requesterId = try QueryParsing.id(parameters.get("requester"), "requester")
        filter.channel = try QueryParsing.value(parameters.get("channel"), "channel", as: Channel.self)
        filter.order = try QueryParsing.value(parameters.get("sort"), "sort", as: TicketOrder.self) ?? .newest
        filter.overdue = try QueryParsing.bool(parameters.get("overdue"), "overdue") ?? false
        filter.text = parameters.get("q")
        filter.limit = try QueryParsing.limit(parameters.get("limit"), default: 50, range: TicketFilter.limits)
        filter.cursor = try QueryParsing.id(parameters.get("cursor"), "cursor")
        let listing = try await tickets.list(filter, for: user)
        let now = presenter.clock.now()
        let items = listing.page.tickets.map { ticket in
            TicketSummaryResponse(ticket, viewer: user.actor, rules: listing.rules[ticket.slaPolicyId]!, now: now)
        }
        return TicketListResponse(items: items, nextCursor: listing.page.nextCursor.map(String.init))
    }

    @Sendable func events(_ request: Request, context: HelpdeskRequestContext) async throws -> EventListResponse {
        let user = try context.requireUser()
        let (_, events) = try await tickets.history(try context.parameters.require("number"), for: user)
        return EventListResponse(items: events.map(EventResponse.init))
    }

    @Sendable func worklog(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<EventResponse>
    {
        let user = try context.requireUser()
        let command = try await request.decodeJSON(WorklogCommand.self, context: context)
        let (_, event) = try await tickets.addWorklog(try request.ticketRef(context), command, by: user)
        return EditedResponse(status: .created, response: EventResponse(event))
    }

    struct RevealCommand: Decodable {
        let field: RevealableField
        let reason: String
    }

    struct Revealed: ResponseEncodable {
        let field: RevealableField
        let value: String
    }

    @Sendable func reveal(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<Revealed>
    {
        let user = try context.requireUser()
        let command = try await request.decodeJSON(RevealCommand.self, context: context)
        let value = try await tickets.reveal(
            try context.parameters.require("number"), field: command.field, reason: command.reason, by: user)
        var response = EditedResponse(response: Revealed(field: command.field, value: value))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
