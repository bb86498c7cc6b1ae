import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// The SLA engine's ticket endpoints: the explainable timeline, extensions, breach causes,
/// collaboration, approval of major changes and major incidents.
struct EngineRoutes {
    /// Decoding, the ticket reference and presentation are the ticket routes' own.
    let tickets: TicketRoutes
    var service: TicketService { tickets.service }
    var store: any HelpdeskStore { tickets.store }
    var clock: AppClock { tickets.clock }

    struct ExtensionBody: Decodable {
        var dueAt: Date
        var reason: String?
    }

    struct DecisionBody: Decodable {
        var approve: Bool
        var note: String?
    }

    struct CauseBody: Decodable { var cause: String? }

    struct CollaboratorBody: Decodable {
        var groupId: Int64?
        var contact: String?
        var question: String?
    }

    struct AnswerBody: Decodable { var answer: String? }

    struct LeadGroupBody: Decodable { var groupId: Int64? }

    struct ApprovalBody: Decodable {
        var change: String?
        var approverId: Int64?
    }

    struct LinkBody: Decodable { var numbers: [String] }

    struct BroadcastBody: Decodable {
        var what: String?
        var impact: String?
        var expectedRecovery: Date?
    }

    struct Timeline: ResponseEncodable {
        var number: String
        var policyId: Int64
        var policyVersion: Int
        var policyName: String
        var calendarId: Int64
        var timeZone: String
        var explanation: SLAExplanation
    }

    struct PendingExtension: Encodable, Sendable {
        var number: String
        var title: String
        var priority: Priority
        var assigneeId: Int64?
        var request: ExtensionRequest
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("tickets/:number/sla", use: timeline)
        group.post("tickets/:number/extensions") { request, context in
            try await tickets.update(request, context, ExtensionBody.self) { ref, body, user in
                try await service.requestExtension(ref, dueAt: body.dueAt, reason: body.reason, by: user)
            }
        }
        group.post("tickets/:number/extensions/:id/decision") { request, context in
            let id = Int(try context.parameters.id(resource: "extension"))
            return try await tickets.update(request, context, DecisionBody.self) { ref, body, user in
                try await service.decideExtension(ref, id: id, approve: body.approve, note: body.note, by: user)
            }
        }
        group.get("extensions") { request, context in
            _ = try context.requireRole([.supervisor, .admin], action: "extensions")
            let limit = try TicketRoutes.id(request.uri.queryParameters.get("limit"), "limit").map(Int.init) ?? 100
            let items = try await store.ticketsWithPendingExtensions(limit: limit).flatMap { ticket in
                (ticket.extensions ?? []).filter { $0.status == .pending }.map {
                    PendingExtension(
                        number: ticket.number, title: ticket.title, priority: ticket.priority,
                        assigneeId: ticket.assigneeId, request: $0)
                }
            }
            return DirectoryRoutes.Items(items: items)
        }
        group.put("tickets/:number/breach-cause") { request, context in
            try await tickets.update(request, context, CauseBody.self) { ref, body, user in
                try await service.recordBreachCause(ref, cause: body.cause, by: user)
            }
        }
        group.post("tickets/:number/collaborators") { request, context in
            try await tickets.update(request, context, CollaboratorBody.self) { ref, body, user in
                try await service.askCollaborator(
                    ref, groupId: body.groupId, contact: body.contact, question: body.question, by: user)
            }
        }
        group.post("tickets/:number/collaborators/:id/answer") { request, context in
            let id = Int(try context.parameters.id(resource: "collaboration"))
            return try await tickets.update(request, context, AnswerBody.self) { ref, body, user in
                try await service.answerCollaboration(ref, id: id, answer: body.answer, by: user)
            }
        }
        group.put("tickets/:number/lead-group") { request, context in
            try await tickets.update(request, context, LeadGroupBody.self) { ref, body, user in
                try await service.setLeadGroup(ref, groupId: body.groupId, by: user)
            }
        }
        group.post("tickets/:number/approval") { request, context in
            try await tickets.update(request, context, ApprovalBody.self) { ref, body, user in
                try await service.requestApproval(ref, change: body.change, approverId: body.approverId, by: user)
            }
        }
        group.post("tickets/:number/approval/decision") { request, context in
            try await tickets.update(request, context, DecisionBody.self) { ref, body, user in
                try await service.decideApproval(ref, approve: body.approve, note: body.note, by: user)
            }
        }
        group.post("tickets/:number/major-incident") { request, context in
            let user = try context.requireUser()
            let ticket = try await service.declareMajorIncident(try TicketRoutes.ref(request, context), by: user)
            return try await tickets.present(ticket, to: user)
        }
        group.post("tickets/:number/linked") { request, context in
            let user = try context.requireUser()
            let body = try await request.decodeJSON(LinkBody.self, context: context)
            guard !body.numbers.isEmpty, body.numbers.count <= 200 else { throw APIError.invalidValue("numbers") }
            let linked = try await service.link(body.numbers, to: try context.parameters.require("number"), by: user)
            return DirectoryRoutes.Items(items: linked)
        }
        group.get("tickets/:number/linked") { _, context in
            let user = try context.requireUser()
            let major = try await service.visibleTicket(try context.parameters.require("number"), for: user)
            guard user.role.isStaff else { throw APIError.forbidden("major_incident") }
            return DirectoryRoutes.Items(items: try await store.linkedTickets(to: major.number))
        }
        group.post("tickets/:number/broadcasts") { request, context in
            try await tickets.update(request, context, BroadcastBody.self) { ref, body, user in
                try await service.broadcast(
                    ref, what: body.what, impact: body.impact, expectedRecovery: body.expectedRecovery, by: user)
            }
        }
    }

    @Sendable func timeline(_ request: Request, context: HelpdeskRequestContext) async throws -> Timeline {
        let user = try context.requireUser()
        let ticket = try await service.visibleTicket(try context.parameters.require("number"), for: user)
        guard user.role.isStaff else { throw APIError.forbidden("sla") }
        let rules = try await store.rules(policyId: ticket.slaPolicyId)
        guard let policy = try await store.slaPolicies().first(where: { $0.id == ticket.slaPolicyId }) else {
            throw APIError.notFound("sla_policy")
        }
        let events = try await store.events(ticketId: ticket.id, includeInternal: true)
        return Timeline(
            number: ticket.number, policyId: policy.id, policyVersion: policy.version, policyName: policy.name,
            calendarId: policy.calendarId, timeZone: rules.calendar.timeZoneIdentifier,
            explanation: SLAExplanation(ticket: ticket, events: events, rules: rules, now: clock.now()))
    }
}
