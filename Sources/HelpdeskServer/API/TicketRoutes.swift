import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// `/api/v1/tickets`: intake, reading, listing, workflow moves and the handling record.
struct TicketRoutes {
    let service: TicketService
    let store: any HelpdeskStore
    let clock: AppClock
    let localizer: Localizer

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.post("tickets", use: create)
        group.get("tickets", use: list)
        group.get("tickets/:number", use: get)
        group.post("tickets/:number/transitions", use: transition)
        group.get("tickets/:number/events", use: events)
        group.post("tickets/:number/worklog", use: worklog)
        group.put("tickets/:number/workaround", use: workaround)
        group.put("tickets/:number/priority", use: priority)
        group.put("tickets/:number/category", use: category)
    }

    @Sendable func create(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<CreatedTicketResponse>
    {
        let user = try context.requireUser()
        let body = try await request.decodeJSON(CreateTicketBody.self, context: context)
        let (ticket, warnings, rules) = try await service.create(body, by: user)
        let locale = Self.locale(request, user)
        let response = TicketResponse(ticket, viewer: user.actor, rules: rules, now: clock.now())
        let timeZone = TimeZone(identifier: rules.calendar.timeZoneIdentifier) ?? .gmt
        // Outside the channel's service hours the reply says when the request will be looked at (R8.3).
        let business = rules.policy.targets(for: ticket.priority)?.response.mode != .continuous
        let lookAt: Date? =
            business && !rules.engine.alwaysOpenChannels.contains(ticket.channel)
                && !rules.calendar.isWorkingTime(ticket.submittedAt)
            ? rules.calendar.nextWorkingInstant(onOrAfter: ticket.submittedAt) : nil
        let ack = Acknowledgement(
            number: ticket.number, responseDueAt: response.sla.responseDueAt,
            resolutionDueAt: response.sla.resolutionDueAt, outsideServiceHours: lookAt != nil, lookedAtFrom: lookAt,
            message: localizer.text(
                lookAt == nil ? "ack.message" : "ack.outside_hours", locale: locale,
                [
                    "number": ticket.number, "response_due": Self.local(response.sla.responseDueAt, timeZone),
                    "resolution_due": response.sla.resolutionDueAt.map { Self.local($0, timeZone) } ?? "-",
                    "look_at": lookAt.map { Self.local($0, timeZone) } ?? "",
                ]))
        let warningList = warnings.map { warning in
            Warning(
                code: warning.rawValue,
                message: localizer.text(
                    "warning.\(warning.rawValue)", locale: locale,
                    [
                        "fields": ticket.missingDetails.map { localizer.text("detail.\($0)", locale: locale) }
                            .joined(separator: locale == "en" ? ", " : "、")
                    ]))
        }
        var edited = EditedResponse(
            status: .created, response: CreatedTicketResponse(ticket: response, acknowledgement: ack, warnings: warningList))
        edited.headers[.location] = "/api/v1/tickets/\(ticket.number)"
        return edited
    }

    @Sendable func get(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<TicketResponse>
    {
        let user = try context.requireUser()
        let ticket = try await service.visibleTicket(try context.parameters.require("number"), for: user)
        var response = EditedResponse(response: try await present(ticket, to: user))
        response.headers[.eTag] = "\"\(ticket.version)\""
        return response
    }

    /// The ticket in the path and the version in `If-Match` (`"3"`, `W/"3"` or `3`), if sent.
    static func ref(_ request: Request, _ context: HelpdeskRequestContext) throws -> TicketRef {
        let number = try context.parameters.require("number")
        guard let header = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), header != "*" else {
            return TicketRef(number: number, expectedVersion: nil)
        }
        let digits = header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(digits), version > 0 else { throw APIError.invalidParameter("If-Match") }
        return TicketRef(number: number, expectedVersion: version)
    }

    @Sendable func list(_ request: Request, context: HelpdeskRequestContext) async throws -> TicketListResponse {
        let user = try context.requireUser()
        let parameters = request.uri.queryParameters
        var query = TicketQuery(scope: Access.listScope(for: user.actor))
        query.statuses = try Self.list(parameters.get("status"), "status", TicketStatus.init(rawValue:))
        query.priorities = try Self.list(parameters.get("priority"), "priority", Priority.init(rawValue:))
        query.categoryId = try Self.id(parameters.get("category"), "category")
        query.groupId = try Self.id(parameters.get("group"), "group")
        switch parameters.get("assignee") {
        case "me": query.assigneeId = user.id
        case "none": query.unassigned = true
        case let value: query.assigneeId = try Self.id(value, "assignee")
        }
        query.requesterId = try Self.id(parameters.get("requester"), "requester")
        if let overdue = parameters.get("overdue") {
            guard let flag = Bool(overdue) else { throw APIError.invalidParameter("overdue") }
            query.overdue = flag
        }
        query.text = parameters.get("q")
        if let limit = parameters.get("limit") {
            guard let value = Int(limit), (1...200).contains(value) else { throw APIError.invalidParameter("limit") }
            query.limit = value
        }
        query.before = try Self.id(parameters.get("cursor"), "cursor")
        let now = clock.now()
        let page = try await store.tickets(query, now: now)
        var rulesByPolicy: [Int64: TicketRules] = [:]
        var items: [TicketSummaryResponse] = []
        for ticket in page.tickets {
            if rulesByPolicy[ticket.slaPolicyId] == nil {
                rulesByPolicy[ticket.slaPolicyId] = try await store.rules(policyId: ticket.slaPolicyId)
            }
            items.append(
                TicketSummaryResponse(ticket, viewer: user.actor, rules: rulesByPolicy[ticket.slaPolicyId]!, now: now))
        }
        return TicketListResponse(items: items, nextCursor: page.nextCursor.map(String.init))
    }

    @Sendable func transition(_ request: Request, context: HelpdeskRequestContext) async throws -> TicketResponse {
        try await update(request, context, TransitionBody.self, service.transition)
    }

    @Sendable func events(_ request: Request, context: HelpdeskRequestContext) async throws -> EventListResponse {
        let user = try context.requireUser()
        let ticket = try await service.visibleTicket(try context.parameters.require("number"), for: user)
        let events = try await store.events(ticketId: ticket.id, includeInternal: user.role.isStaff)
        return EventListResponse(items: events.map(EventResponse.init))
    }

    @Sendable func worklog(_ request: Request, context: HelpdeskRequestContext) async throws
        -> EditedResponse<EventResponse>
    {
        let user = try context.requireUser()
        let body = try await request.decodeJSON(WorklogBody.self, context: context)
        let event = try await service.addWorklog(try Self.ref(request, context), body, by: user)
        return EditedResponse(status: .created, response: EventResponse(event))
    }

    @Sendable func workaround(_ request: Request, context: HelpdeskRequestContext) async throws -> TicketResponse {
        try await update(request, context, WorkaroundBody.self, service.setWorkaround)
    }

    @Sendable func priority(_ request: Request, context: HelpdeskRequestContext) async throws -> TicketResponse {
        try await update(request, context, PriorityBody.self, service.changePriority)
    }

    @Sendable func category(_ request: Request, context: HelpdeskRequestContext) async throws -> TicketResponse {
        try await update(request, context, CategoryBody.self, service.changeCategory)
    }

    /// Decode a body, apply one ticket use case, answer with the updated ticket.
    func update<Body: Decodable>(
        _ request: Request, _ context: HelpdeskRequestContext, _ type: Body.Type,
        _ operation: (TicketRef, Body, User) async throws -> Ticket
    ) async throws -> TicketResponse {
        let user = try context.requireUser()
        let body = try await request.decodeJSON(type, context: context)
        let ticket = try await operation(try Self.ref(request, context), body, user)
        return try await present(ticket, to: user)
    }

    func present(_ ticket: Ticket, to user: User) async throws -> TicketResponse {
        let rules = try await store.rules(policyId: ticket.slaPolicyId)
        return TicketResponse(ticket, viewer: user.actor, rules: rules, now: clock.now())
    }

    static func locale(_ request: Request, _ user: User?) -> String {
        Localizer.negotiate(
            explicit: request.uri.queryParameters.get("lang"),
            acceptLanguage: request.headers[.acceptLanguage] ?? user?.locale)
    }

    /// `yyyy-MM-dd HH:mm` in the calendar's time zone, for the acknowledgement text.
    static func local(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(p.year ?? 0)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))"
    }

    static func list<T>(_ raw: String?, _ name: String, _ parse: (String) -> T?) throws -> [T] {
        guard let raw, !raw.isEmpty else { return [] }
        return try raw.split(separator: ",").map {
            guard let value = parse(String($0)) else { throw APIError.invalidParameter(name) }
            return value
        }
    }

    static func id(_ raw: String?, _ name: String) throws -> Int64? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Int64(raw), value > 0 else { throw APIError.invalidParameter(name) }
        return value
    }
}
